import { Flex, Spin } from 'antd';
import { useT } from '../i18n/useT';

/** A centred spinner with a text for screen readers, while a page or its data loads. */
export function PageLoading() {
  const t = useT();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }} role="status">
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
