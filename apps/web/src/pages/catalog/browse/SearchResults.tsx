import { Flex, Pagination, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoading } from '../../../components/PageLoading';

export interface SearchResultsProps {
  /** The search's query state (react-query). */
  readonly search: {
    readonly isError: boolean;
    readonly error: unknown;
    readonly isFetching: boolean;
    readonly refetch: () => unknown;
    readonly data?: { readonly total: number; readonly page: number } | undefined;
  };
  readonly pageSize: number;
  /** "n matches" (for the query, when there is one). */
  readonly totalText: (total: number) => string;
  readonly totalTestId: string;
  readonly paginationTestId?: string;
  /** Moves to a page (1-based); the list scrolls back to the top. */
  readonly onPage: (page: number) => void;
  /** The hits, dimmed while the next page or query loads. */
  readonly children: ReactNode;
}

/** The body of a search's results card, for the catalog and the open portal: error, loading, total, hits and paging. */
export function SearchResults({ search, pageSize, totalText, totalTestId, paginationTestId, onPage, children }: SearchResultsProps) {
  const data = search.data;
  if (search.isError) return <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />;
  if (!data) return <PageLoading />;
  return (
    <>
      <Typography.Paragraph type="secondary" aria-live="polite" data-testid={totalTestId}>
        {totalText(data.total)}
      </Typography.Paragraph>
      <div style={{ opacity: search.isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }} aria-busy={search.isFetching}>
        {children}
      </div>
      {data.total > pageSize ? (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination
            current={data.page}
            pageSize={pageSize}
            total={Math.min(data.total, pageSize * 1000)}
            showSizeChanger={false}
            onChange={(page) => {
              onPage(page);
              window.scrollTo({ top: 0 });
            }}
            data-testid={paginationTestId}
          />
        </Flex>
      ) : null}
    </>
  );
}
