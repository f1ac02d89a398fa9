import type { AgencyDetail } from '@gongshu/contracts';
import { List, Typography } from 'antd';
import { useI18n } from '../../i18n/useT';
import { kindLabel } from './labels';
import { EmptyText } from '../../components/EmptyText';

/** The agencies placed under this one (R5.1). */
export function ChildAgencies({ items }: { readonly items: AgencyDetail['children'] }) {
  const i18n = useI18n();
  return (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: <EmptyText>{i18n.t('agency.noChildren')}</EmptyText> }}
      renderItem={(child) => (
        <List.Item>
          <Typography.Text>{child.name}</Typography.Text>
          <Typography.Text type="secondary">{kindLabel(i18n, child.kind)}</Typography.Text>
        </List.Item>
      )}
    />
  );
}
