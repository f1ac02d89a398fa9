/**
 * 开发者 (/open/developers): the machine interfaces of the open data — the CKAN Action API subset
 * (existing CKAN clients and harvesters work unchanged), the DCAT-AP 3 catalog, the query API with
 * an API key, and the OpenAPI reference.
 */
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { MessageKey } from '../../../i18n/zh';
import { useT } from '../../../i18n/useT';
import { PublicLayout } from '../../../layout/PublicLayout';

interface Endpoint {
  readonly method: string;
  readonly path: string;
  readonly desc: MessageKey;
  /** A working example to open (GET, public). */
  readonly example?: string;
}

const SECTIONS: readonly { title: MessageKey; intro: MessageKey; endpoints: readonly Endpoint[] }[] = [
  {
    title: 'open.portal.dev.ckan.title',
    intro: 'open.portal.dev.ckan.intro',
    endpoints: [
      {
        method: 'GET',
        path: '/api/3/action/package_search?q=…&fq=…&rows=…',
        desc: 'open.portal.dev.ckan.search',
        example: '/api/3/action/package_search?rows=5',
      },
      { method: 'GET', path: '/api/3/action/package_show?id=…', desc: 'open.portal.dev.ckan.show' },
      { method: 'GET', path: '/api/3/action/package_list', desc: 'open.portal.dev.ckan.list', example: '/api/3/action/package_list' },
      {
        method: 'GET',
        path: '/api/3/action/organization_list?all_fields=true',
        desc: 'open.portal.dev.ckan.organizations',
        example: '/api/3/action/organization_list?all_fields=true',
      },
      { method: 'GET', path: '/api/3/action/datastore_search?resource_id=…&limit=…', desc: 'open.portal.dev.ckan.datastore' },
      { method: 'GET', path: '/api/3/action/status_show', desc: 'open.portal.dev.ckan.status', example: '/api/3/action/status_show' },
    ],
  },
  {
    title: 'open.portal.dev.dcat.title',
    intro: 'open.portal.dev.dcat.intro',
    endpoints: [
      { method: 'GET', path: '/catalog.ttl', desc: 'open.portal.dev.dcat.ttl', example: '/catalog.ttl' },
      { method: 'GET', path: '/catalog.jsonld', desc: 'open.portal.dev.dcat.jsonld', example: '/catalog.jsonld' },
    ],
  },
  {
    title: 'open.portal.dev.api.title',
    intro: 'open.portal.dev.api.intro',
    endpoints: [
      { method: 'GET', path: '/api/open/resources/{id}/records?fields=…&filter=…&page=…', desc: 'open.portal.dev.api.records' },
      { method: 'GET', path: '/api/open/resources/{id}/download?format=csv|xlsx|json', desc: 'open.portal.dev.api.download' },
      { method: 'GET', path: '/api/portal/resources?q=…', desc: 'open.portal.dev.api.search', example: '/api/portal/resources?pageSize=5' },
      { method: 'GET', path: '/api/docs', desc: 'open.portal.dev.api.docs', example: '/api/docs' },
    ],
  },
];

export function OpenDevelopersPage() {
  const t = useT();
  return (
    <PublicLayout>
      <div className="gs-section" style={{ paddingTop: 24, paddingBottom: 40 }}>
        <PageHeader
          title={t('open.portal.dev.heading')}
          crumbs={[{ label: t('nav.home'), to: '/' }]}
          description={t('open.portal.dev.intro')}
        />
        <Row gutter={[16, 16]}>
          {SECTIONS.map((section) => (
            <Col span={24} key={section.title}>
              <Card title={<h2 className="gs-card-title">{t(section.title)}</h2>}>
                <Typography.Paragraph>{t(section.intro)}</Typography.Paragraph>
                <dl className="gs-open-endpoints" style={{ margin: 0 }}>
                  {section.endpoints.map((endpoint) => (
                    <div key={endpoint.path} style={{ marginBottom: 12 }}>
                      <dt>
                        <code className="gs-mono">
                          {endpoint.method} {endpoint.path}
                        </code>
                      </dt>
                      <dd style={{ marginInlineStart: 0, color: 'rgba(0,0,0,0.75)' }}>
                        {t(endpoint.desc)}{' '}
                        {endpoint.example ? (
                          <a href={endpoint.example} target="_blank" rel="noreferrer">
                            {t('open.portal.dev.try')}
                          </a>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              </Card>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph style={{ marginTop: 16 }}>
          {t('open.portal.dev.keys')} <Link to="/me#api-keys">{t('open.portal.dev.keysLink')}</Link>
        </Typography.Paragraph>
      </div>
    </PublicLayout>
  );
}
