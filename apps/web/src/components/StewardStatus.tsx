import { Tag } from 'antd';
import { useT } from '../i18n/useT';

/** The data-steward count of an agency; red when there is none, since it cannot submit (R8.1). */
export function StewardStatus({ count }: { readonly count: number }) {
  const t = useT();
  return count > 0 ? (
    <Tag color="success" variant="outlined">
      {t('agency.stewardAssigned', { count })}
    </Tag>
  ) : (
    <Tag color="error" variant="solid" data-testid="no-steward">
      0 · {t('agency.noStewardShort')}
    </Tag>
  );
}
