import type { ResourceMetadata } from '@gongshu/contracts';
import { Card, Col, Descriptions, Row, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/useT';
import type { ClassificationStep } from './classifications';
import { FieldTable } from './FieldTable';
import { securityLevelLabel, termLabel } from './vocabulary';

export interface MetadataCardsProps {
  readonly metadata: ResourceMetadata;
  /** 类 / 项 / 目 / 细目, top first. */
  readonly classification: readonly ClassificationStep[];
  readonly provider: { readonly name: string; readonly divisionCode: string };
  readonly code: string | null;
  /** More rows of the basic card (version, publication dates). */
  readonly extra?: DescriptionsProps['items'];
}

const title = (text: string, testId: string) => (
  <h2 className="gs-card-title" data-testid={testId}>
    {text}
  </h2>
);

const text = (value: string | null | undefined): ReactNode =>
  value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : <Typography.Text type="secondary">—</Typography.Text>;

/**
 * A catalog entry as a requester reads it (R10.1): basic metadata with the classification path and
 * provider, the data dictionary, the share attribute (R13.1), the open attribute (R18.1), security,
 * update frequency, usage conditions, licence and related resources.
 */
export function MetadataCards({ metadata: m, classification, provider, code, extra = [] }: MetadataCardsProps) {
  const { t, pick } = useI18n();
  const path =
    classification.length > 0 ? (
      <span data-testid="classification-path">
        {classification.map((step, index) => (
          <span key={step.code}>
            {index > 0 ? <span aria-hidden="true"> / </span> : null}
            {step.name}
            <Typography.Text type="secondary"> {step.code}</Typography.Text>
          </span>
        ))}
      </span>
    ) : (
      m.classificationCode || '—'
    );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={title(t('catalog.section.basic'), 'section-basic')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'code',
              label: t('catalog.meta.code'),
              children: code ? <code className="gs-mono">{code}</code> : t('catalog.meta.noCode'),
            },
            { key: 'name', label: t('catalog.meta.name'), children: m.name },
            { key: 'nameEn', label: t('catalog.meta.nameEn'), children: text(m.nameEn) },
            { key: 'classification', label: t('catalog.meta.classification'), children: path },
            { key: 'provider', label: t('catalog.meta.provider'), children: provider.name },
            { key: 'division', label: t('catalog.meta.divisionCode'), children: <code className="gs-mono">{provider.divisionCode}</code> },
            { key: 'summary', label: t('catalog.meta.summary'), children: text(m.summary), span: 2 },
            {
              key: 'keywords',
              label: t('catalog.meta.keywords'),
              children:
                m.keywords.length > 0 ? (
                  <Space size={[4, 4]} wrap>
                    {m.keywords.map((keyword) => (
                      <Tag key={keyword}>{keyword}</Tag>
                    ))}
                  </Space>
                ) : (
                  text(null)
                ),
            },
            { key: 'source', label: t('catalog.meta.sourceSystem'), children: text(m.sourceSystem) },
            {
              key: 'format',
              label: t('catalog.meta.format'),
              children: `${termLabel(pick, 'formatCategory', m.formatCategory)} · ${m.formatType || '—'}`,
            },
            { key: 'frequency', label: t('catalog.meta.updateFrequency'), children: termLabel(pick, 'updateFrequency', m.updateFrequency) },
            ...extra,
          ]}
        />
      </Card>

      <Card title={title(t('catalog.section.fields'), 'section-fields')} extra={t('catalog.fields.count', { count: m.fields.length })}>
        <FieldTable fields={m.fields} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={title(t('catalog.section.share'), 'section-share')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'type', label: t('catalog.share.type'), children: termLabel(pick, 'shareType', m.share.type) },
                ...(m.share.type !== 'none'
                  ? [
                      {
                        key: 'methods',
                        label: t('catalog.share.methods'),
                        children: m.share.methods.map((method) => termLabel(pick, 'shareMethod', method)).join('、') || '—',
                      },
                    ]
                  : []),
                ...(m.share.type === 'conditional'
                  ? [{ key: 'conditions', label: t('catalog.share.conditions'), children: text(m.share.conditions) }]
                  : []),
                ...(m.share.type !== 'unconditional'
                  ? [{ key: 'basis', label: t('catalog.share.legalBasis'), children: text(m.share.legalBasis) }]
                  : []),
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={title(t('catalog.section.open'), 'section-open')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'type', label: t('catalog.open.type'), children: termLabel(pick, 'openType', m.open.type) },
                ...(m.open.type === 'conditional'
                  ? [{ key: 'conditions', label: t('catalog.open.conditions'), children: text(m.open.conditions) }]
                  : []),
                ...(m.open.type === 'none'
                  ? [
                      {
                        key: 'ground',
                        label: t('catalog.open.noneGround'),
                        children: text(termLabel(pick, 'openNoneGround', m.open.noneGround)),
                      },
                    ]
                  : []),
                ...(m.open.type !== 'unconditional' || m.open.legalBasis
                  ? [{ key: 'basis', label: t('catalog.open.legalBasis'), children: text(m.open.legalBasis) }]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>

      <Card title={title(t('catalog.section.security'), 'section-security')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'level', label: t('catalog.meta.securityLevel'), children: securityLevelLabel(pick, m.securityLevel) },
            { key: 'grade', label: t('catalog.meta.dataGrade'), children: termLabel(pick, 'dataGrade', m.dataGrade) },
            { key: 'frequency', label: t('catalog.meta.updateFrequency'), children: termLabel(pick, 'updateFrequency', m.updateFrequency) },
            { key: 'usage', label: t('catalog.meta.usageConditions'), children: text(m.usageConditions), span: 2 },
            { key: 'licence', label: t('catalog.meta.licence'), children: text(m.licence) },
            {
              key: 'related',
              label: t('catalog.meta.related'),
              children:
                m.relatedResourceCodes.length > 0 ? (
                  <Space size={[4, 4]} wrap>
                    {m.relatedResourceCodes.map((related) => (
                      <Tag key={related} className="gs-mono">
                        {related}
                      </Tag>
                    ))}
                  </Space>
                ) : (
                  text(null)
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
