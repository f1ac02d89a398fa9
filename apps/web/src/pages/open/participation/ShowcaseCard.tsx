/**
 * One showcase work: kind, title (a link out when it has one), author, what it is, the open
 * resources it uses (links to their pages) and, for its submitter and the bureau, its state and
 * the bureau's reason.
 */
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ShowcaseItem } from '../../../api/openParticipation';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { SHOWCASE_KIND_LABEL, SHOWCASE_STATE_COLOR, SHOWCASE_STATE_LABEL } from './labels';

export function ShowcaseCard({
  item,
  showState = false,
  actions,
  headingLevel = 3,
}: {
  readonly item: ShowcaseItem;
  readonly showState?: boolean;
  readonly actions?: ReactNode;
  readonly headingLevel?: 2 | 3;
}) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" style={{ height: '100%' }} data-testid="showcase-card" data-state={item.state}>
      <Flex gap={6} wrap style={{ marginBottom: 6 }}>
        <Tag color="geekblue">{t(SHOWCASE_KIND_LABEL[item.kind])}</Tag>
        {showState ? <Tag color={SHOWCASE_STATE_COLOR[item.state]}>{t(SHOWCASE_STATE_LABEL[item.state])}</Tag> : null}
      </Flex>
      <Typography.Title level={headingLevel} style={{ fontSize: 16, margin: '0 0 4px' }}>
        {item.url ? (
          <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
            {item.title}
          </a>
        ) : (
          item.title
        )}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('open.participation.showcase.byline', { author: item.author, date: formatDateTime(lang, item.moderatedAt ?? item.createdAt) })}
      </Typography.Text>
      <Typography.Paragraph
        style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}
        ellipsis={{ rows: 4, expandable: true, symbol: t('open.participation.more') }}
      >
        {item.summary}
      </Typography.Paragraph>
      {item.resources.length > 0 ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('open.participation.showcase.uses')}
          </Typography.Text>{' '}
          {item.resources.map((resource) => (
            <Tag key={resource.id} style={{ marginBottom: 4 }}>
              <Link to={`/open/resources/${resource.id}`}>{resource.name}</Link>
            </Tag>
          ))}
        </div>
      ) : null}
      {showState && item.moderationNote ? (
        <Typography.Paragraph
          type={item.state === 'rejected' ? 'danger' : 'secondary'}
          style={{ margin: '8px 0 0' }}
          data-testid="showcase-note"
        >
          {t('open.participation.showcase.note', { note: item.moderationNote })}
        </Typography.Paragraph>
      ) : null}
      {actions ? (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {actions}
        </Flex>
      ) : null}
    </Card>
  );
}
