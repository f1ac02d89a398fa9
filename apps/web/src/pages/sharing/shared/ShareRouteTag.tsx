import { Tag } from 'antd';
import type { ShareRoute } from '../../../api/sharing';
import { useT } from '../../../i18n/useT';

/** 无条件共享 (R14.1), 有条件共享 (R14.2), 数据需求 (R14.3), 上级数据 (R15.1). */
export function ShareRouteTag({ route }: { readonly route: ShareRoute }) {
  const t = useT();
  return (
    <Tag variant="outlined" data-testid="share-route" data-route={route}>
      {t(`share.route.${route}`)}
    </Tag>
  );
}
