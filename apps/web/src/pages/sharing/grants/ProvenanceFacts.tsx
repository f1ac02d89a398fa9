import { Descriptions } from 'antd';
import type { Provenance } from '../../../api/sharing';
import { useI18n } from '../../../i18n/useT';
import { formatDateTime } from '../../shared/labels';

/** Where delivered data came from (R23.1, R29.1): the grant, the delivery, when, and the citation line. */
export function ProvenanceFacts({ provenance }: { readonly provenance: Provenance }) {
  const { t, lang } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="provenance"
      items={[
        { key: 'grant', label: t('share.grant.number'), children: <code className="gs-mono">{provenance.grant.number}</code> },
        { key: 'delivery', label: t('share.try.delivery'), children: <code className="gs-mono">{provenance.deliveryId}</code> },
        { key: 'at', label: t('share.log.at'), children: formatDateTime(lang, provenance.at) },
        { key: 'citation', label: t('share.citation.heading'), children: provenance.citation },
      ]}
    />
  );
}
