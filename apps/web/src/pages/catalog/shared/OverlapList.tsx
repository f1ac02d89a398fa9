import type { Overlap } from '@gongshu/contracts';
import { Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyText } from '../../../components/EmptyText';
import { useI18n } from '../../../i18n/useT';
import { termLabel } from './vocabulary';

/** Matches shown per field until expanded (an identifier such as the citizen ID is in many resources). */
const SHOWN = 3;

function OverlapItem({ overlap }: { readonly overlap: Overlap }) {
  const { t, pick } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const identifier = overlap.field.identifierRole !== 'none';
  const matches = expanded ? overlap.matches : overlap.matches.slice(0, SHOWN);
  return (
    <li data-testid="overlap-item">
      <div>
        <Typography.Text strong>{overlap.field.name}</Typography.Text> <code className="gs-mono">{overlap.field.code}</code>{' '}
        {identifier ? (
          <Tag color="default" variant="outlined">
            {t('catalog.overlap.identifier', { role: termLabel(pick, 'identifierRole', overlap.field.identifierRole) })}
          </Tag>
        ) : (
          <Tag color="warning" variant="outlined">
            {t('catalog.overlap.duplicate')}
          </Tag>
        )}
      </div>
      <ul className="gs-overlap-matches">
        {matches.map((match) => (
          <li key={match.resourceId}>
            <Link to={`/catalog/resources/${match.resourceId}`}>{match.resourceName}</Link>
            <Typography.Text type="secondary">
              {' '}
              {t('catalog.overlap.match', {
                code: match.resourceCode,
                provider: match.providerName,
                field: match.fieldName,
                similarity: Math.round(match.similarity * 100),
              })}
            </Typography.Text>
          </li>
        ))}
      </ul>
      {overlap.matches.length > SHOWN ? (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 18 }}
          aria-expanded={expanded}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? t('catalog.facet.less') : t('catalog.overlap.more', { count: overlap.matches.length - SHOWN })}
        </Button>
      ) : null}
    </li>
  );
}

/**
 * Fields that overlap data already published (R9.1): each field with the resources and providers
 * that hold it. Identifier fields are the keys that join data, so they are listed but do not count
 * as collecting the same data again.
 */
export function OverlapList({ overlaps }: { readonly overlaps: readonly Overlap[] }) {
  const { t } = useI18n();
  if (overlaps.length === 0) return <EmptyText>{t('catalog.overlap.none')}</EmptyText>;
  // Descriptive fields first: they are the ones that need a justification.
  const sorted = [...overlaps].sort((a, b) => Number(a.field.identifierRole !== 'none') - Number(b.field.identifierRole !== 'none'));
  return (
    <ul className="gs-overlaps" data-testid="overlap-list">
      {sorted.map((overlap) => (
        <OverlapItem key={`${overlap.field.code}-${overlap.field.name}`} overlap={overlap} />
      ))}
    </ul>
  );
}
