import { Badge } from 'antd';
import { useReviewQueue } from '../api/catalog';
import { useT } from '../i18n/useT';

/** The number of catalog submissions waiting for the bureau's review, beside its nav entry. */
export function ReviewCountBadge() {
  const t = useT();
  const queue = useReviewQueue();
  const count = queue.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <>
      <Badge
        count={count}
        size="small"
        color="#c0392b"
        style={{ marginInlineStart: 8, boxShadow: 'none' }}
        aria-hidden="true"
        data-testid="review-count"
      />
      <span className="gs-sr-only">{t('nav.catalogReviewsCount', { count })}</span>
    </>
  );
}
