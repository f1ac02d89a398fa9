/**
 * 行业监管: a sector supervisor's view of the agencies of their sector (R6.1) and whether each
 * has named a data steward (R8.1); details open in the shared agency drawer.
 */
import type { Agency } from '@gongshu/contracts';
import { Alert, Card, Col, Row, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useSectorAgencies } from '../../api/agencies';
import { useAuth } from '../../auth/useAuth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useI18n } from '../../i18n/useT';
import { COLORS } from '../../theme';
import { AgencyDrawer } from '../console/AgencyDrawer';
import { AgencyTable } from '../console/AgencyTable';
import { sectorLabel } from '../shared/labels';

/** The sector the supervisor's own agency is the authority of, read from the list. */
function sectorOf(agencies: readonly Agency[], ownAgencyId: string | undefined): string | null {
  const own = agencies.find((agency) => agency.id === ownAgencyId);
  return own?.sectorAuthorityOf ?? own?.sector ?? agencies[0]?.sector ?? null;
}

export function SectorPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const agencies = useSectorAgencies();
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useMemo(() => agencies.data ?? [], [agencies.data]);
  const sector = sectorOf(list, me?.user.agency?.id);
  const without = list.filter((agency) => agency.active && agency.stewardCount === 0);

  return (
    <>
      <PageHeader
        title={sector ? t('sector.headingWith', { sector: sectorLabel(i18n, sector) }) : t('sector.heading')}
        description={t('sector.intro')}
      />
      {agencies.isPending ? (
        <PageLoading />
      ) : agencies.isError ? (
        <ErrorAlert error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : (
        <>
          <Row gutter={[16, 16]} role="list" style={{ marginBottom: 16 }}>
            {[
              { key: 'total', title: t('sector.stats.total'), value: list.length, color: '#0c3d8a' },
              { key: 'with', title: t('sector.stats.withSteward'), value: list.length - without.length, color: COLORS.success },
              {
                key: 'without',
                title: t('sector.stats.withoutSteward'),
                value: without.length,
                color: without.length ? COLORS.error : '#0c3d8a',
              },
            ].map((card) => (
              <Col xs={24} md={8} key={card.key} role="listitem">
                <Card className="gs-stat-card">
                  <Statistic title={card.title} value={card.value} styles={{ content: { color: card.color, fontWeight: 600 } }} />
                </Card>
              </Col>
            ))}
          </Row>
          {without.length > 0 ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={t('console.noSteward.heading')}
              description={without.map((agency) => agency.name).join(t('common.listSeparator'))}
            />
          ) : (
            <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('console.noSteward.none')} />
          )}
          <Card title={<h2 className="gs-card-title">{t('sector.tableTitle')}</h2>}>
            <AgencyTable agencies={list} compact onOpen={(agency) => setOpenId(agency.id)} />
          </Card>
          <AgencyDrawer agencyId={openId} onClose={() => setOpenId(null)} />
        </>
      )}
    </>
  );
}
