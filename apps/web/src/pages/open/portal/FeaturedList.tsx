import type { PortalResourceCard } from '@gongshu/contracts';
import { List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { chinaDate } from '../../shared/labels';
import { OpenTypeTag } from './OpenTypeTag';
import { UsageLine } from './UsageLine';

/** A short list of open resources: name (a link to its page), provider, open type, date and usage. */
export function FeaturedList({
  items,
  emptyText,
  testId,
}: {
  readonly items: readonly PortalResourceCard[];
  readonly emptyText: string;
  readonly testId: string;
}) {
  const { t } = useI18n();
  if (items.length === 0) return <EmptyText>{emptyText}</EmptyText>;
  return (
    <List
      bordered
      style={{ background: '#fff' }}
      dataSource={[...items]}
      data-testid={testId}
      renderItem={(item) => (
        <List.Item key={item.id}>
          {/* Not List.Item.Meta, whose title is an h4: under the home page's h2 sections the names are h3 (axe heading-order). */}
          <div style={{ flex: 1, minWidth: 0 }}>
            <h3 style={{ fontSize: 14, fontWeight: 600, lineHeight: 1.6, margin: '0 0 4px' }}>
              <Space size={8} wrap>
                <Link to={`/open/resources/${item.id}`} data-testid="featured-link">
                  {item.name}
                </Link>
                <OpenTypeTag openType={item.openType} />
              </Space>
            </h3>
            <Typography.Text type="secondary">
              <Space size={[12, 4]} wrap>
                <span>{item.provider.name}</span>
                <span>{t('open.portal.card.updated', { date: chinaDate(item.updatedAt) })}</span>
                <UsageLine usage={item.usage} />
              </Space>
            </Typography.Text>
          </div>
          <Typography.Text className="gs-mono" type="secondary">
            {item.code}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
