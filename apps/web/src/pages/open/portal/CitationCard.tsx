import { App, Button, Card, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';

/** The citation line (R23.1: provider, resource, version, retrieval date, URL) with a copy button. */
export function CitationCard({ citation }: { readonly citation: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(citation);
      void message.success(t('open.portal.copied'));
    } catch {
      void message.error(t('open.portal.citation.copyFailed'));
    }
  };
  return (
    <Card
      title={<h2 className="gs-card-title">{t('open.portal.citation.heading')}</h2>}
      extra={
        <Button onClick={() => void copy()} aria-label={t('open.portal.citation.copy')} data-testid="open-citation-copy">
          {t('open.portal.citation.copy')}
        </Button>
      }
      data-testid="open-citation-card"
    >
      <Typography.Paragraph type="secondary">{t('open.portal.citation.hint')}</Typography.Paragraph>
      <blockquote
        style={{ margin: 0, padding: '8px 12px', borderInlineStart: '3px solid #1a56b8', background: '#f5f7fa' }}
        data-testid="open-citation"
      >
        {citation}
      </blockquote>
    </Card>
  );
}
