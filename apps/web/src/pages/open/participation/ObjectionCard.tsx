/**
 * One objection or suggestion as the public sees it (R20.2): number, kind, the field concerned,
 * what was raised and by whom (a masked name), the due day, and the provider's answer with what
 * was done. Overdue ones and late answers are marked.
 */
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { PublicObjection } from '../../../api/openParticipation';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';
import { OBJECTION_ACTION_LABEL, OBJECTION_KIND_LABEL } from './labels';

export function ObjectionCard({
  objection,
  showResource = false,
  extra,
  headingLevel = 3,
}: {
  readonly objection: PublicObjection;
  /** Name the resource (lists over several resources). */
  readonly showResource?: boolean;
  /** The time left or an action, at the right of the heading. */
  readonly extra?: ReactNode;
  /** 3 under a card's h2 (the resource page); 2 on a page of its own. */
  readonly headingLevel?: 2 | 3;
}) {
  const { t, lang } = useI18n();
  const o = objection;
  return (
    <article
      className="gs-objection"
      aria-labelledby={`objection-${o.id}`}
      data-testid="objection-card"
      data-state={o.state}
      style={{ padding: '12px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
    >
      <Flex justify="space-between" align="start" gap={8} wrap>
        <Typography.Title level={headingLevel} id={`objection-${o.id}`} style={{ fontSize: 15, margin: 0 }}>
          <Tag color={o.kind === 'suggestion' ? 'blue' : o.kind === 'infringement' ? 'red' : 'orange'}>
            {t(OBJECTION_KIND_LABEL[o.kind])}
          </Tag>
          {showResource ? <Link to={`/open/resources/${o.resource.id}`}>{o.resource.name}</Link> : o.number}
          {o.field ? (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
              {t('open.participation.objection.fieldTag', { name: o.field.name })}
            </Typography.Text>
          ) : null}
        </Typography.Title>
        <Flex gap={6} align="center">
          {o.state === 'answered' ? (
            <Tag color={o.overdue ? 'warning' : 'success'}>
              {t(o.overdue ? 'open.participation.objection.answeredLate' : 'open.participation.objection.state.answered')}
            </Tag>
          ) : (
            <Tag color={o.overdue ? 'error' : 'processing'}>
              {t(o.overdue ? 'open.participation.objection.overdue' : 'open.participation.objection.state.open')}
            </Tag>
          )}
          {extra}
        </Flex>
      </Flex>
      <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>{o.description}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          showResource ? o.number : null,
          t('open.participation.objection.raisedBy', { name: o.raisedBy }),
          formatDateTime(lang, o.createdAt),
          o.state === 'open' && o.dueOn ? t('open.participation.objection.dueOn', { date: o.dueOn }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
      {o.answer ? (
        <div
          style={{ marginTop: 8, padding: '8px 12px', background: 'rgba(12, 61, 138, 0.04)', borderInlineStart: '3px solid #0c3d8a' }}
          data-testid="objection-answer"
        >
          <Typography.Text strong>
            {t('open.participation.objection.answerHeading', {
              provider: o.provider.name,
              action: t(OBJECTION_ACTION_LABEL[o.answer.action]),
            })}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>{o.answer.text}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(lang, o.answer.at)}
          </Typography.Text>
        </div>
      ) : null}
    </article>
  );
}
