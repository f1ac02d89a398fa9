import { App, Button, Flex, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

/**
 * The citation line of a grant or delivery (R23.1): the source of the public data and the date it
 * was obtained, to be quoted with any product made from it; with a copy button.
 */
export function CitationLine({ citation, testId = 'citation' }: { readonly citation: string; readonly testId?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(citation);
      void message.success(t('share.citation.copied'));
    } catch {
      void message.error(t('share.citation.copyFailed'));
    }
  };
  return (
    <Flex gap={12} align="flex-start" wrap>
      <blockquote className="gs-citation" data-testid={testId} style={{ flex: '1 1 320px' }}>
        {citation}
      </blockquote>
      <Button onClick={() => void copy()} data-testid={`${testId}-copy`}>
        {t('share.citation.copy')}
      </Button>
      <Typography.Text type="secondary" style={{ flexBasis: '100%', fontSize: 12 }}>
        {t('share.citation.help')}
      </Typography.Text>
    </Flex>
  );
}
