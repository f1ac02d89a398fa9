/**
 * 上传数据 (R11.1, R11.2, R12.1): the provider agency sends a CSV, Excel or JSON Lines file with the
 * resource's fields as its header; it is checked row by row and merged as a whole, in the
 * background, while the page follows its progress and shows the outcome. Nothing changes unless
 * the whole load succeeds.
 */
import { Alert, Card, Col, Row, Space } from 'antd';
import { useParams } from 'react-router';
import { useCatalogResource } from '../../../api/catalog';
import { useDataQuality } from '../../../api/data';
import { useAuth } from '../../../auth/useAuth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useT } from '../../../i18n/useT';
import { dataCrumbs } from '../crumbs';
import { useDataAccess } from '../dataAccess';
import { toPercent } from '../format';
import { FileRules } from './FileRules';
import { UploadForm } from './UploadForm';

export function UploadPage() {
  const t = useT();
  const { resourceId = '' } = useParams();
  const resource = useCatalogResource(resourceId);
  const quality = useDataQuality(resourceId);
  const access = useDataAccess(resource.data?.provider.id);
  const { me } = useAuth();
  // R8.1: an agency without a data steward cannot submit data; the server refuses, this says why first.
  const noSteward = access.provide && me?.user.agency?.hasSteward === false;
  const crumbs = dataCrumbs(t, resource.data, resourceId);

  if (resource.isPending) return <PageLoading />;
  const metadata = resource.data?.current?.metadata;
  if (!metadata) {
    return (
      <>
        <PageHeader title={t('data.upload.heading')} crumbs={crumbs} />
        {resource.isError ? (
          <ErrorAlert error={resource.error} />
        ) : (
          <Alert type="warning" showIcon title={t('catalog.resource.notPublished')} />
        )}
      </>
    );
  }

  const identifier = metadata.fields.find((field) => field.identifierRole !== 'none') ?? null;
  const settings = quality.data?.settings;
  return (
    <>
      <PageHeader title={t('data.upload.heading')} crumbs={crumbs} description={t('data.upload.intro', { name: metadata.name })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {noSteward ? <Alert type="warning" showIcon title={t('agency.noSteward')} /> : null}
            <Alert
              type="info"
              showIcon
              data-testid="upload-atomic"
              title={t('data.upload.atomic')}
              description={
                settings
                  ? settings.policy === 'reject'
                    ? t('data.upload.policyReject', { threshold: toPercent(settings.threshold) })
                    : t('data.upload.policyQuarantine')
                  : undefined
              }
            />
            <Card
              title={
                <h2 className="gs-card-title" data-testid="upload-heading">
                  {t('data.upload.formHeading')}
                </h2>
              }
            >
              {access.provide ? (
                <UploadForm
                  resourceId={resourceId}
                  identifier={identifier ? t('data.fieldLabel', { name: identifier.name, code: identifier.code }) : null}
                />
              ) : (
                <Alert type="warning" showIcon title={t('data.upload.providerOnly')} />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <FileRules fields={metadata.fields} />
        </Col>
      </Row>
    </>
  );
}
