import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/useT';
import { useDocumentTitle } from './useDocumentTitle';

export interface Crumb {
  readonly label: string;
  readonly to?: string;
}

export interface PageHeaderProps {
  /** The page's one h1; also the tab title. */
  readonly title: string;
  readonly crumbs?: readonly Crumb[];
  readonly description?: ReactNode;
  /** Page actions, shown at the right of the title. */
  readonly extra?: ReactNode;
}

/** Breadcrumbs, the page heading (h1, data-testid="page-heading") and the page's actions. */
export function PageHeader({ title, crumbs, description, extra }: PageHeaderProps) {
  const t = useT();
  useDocumentTitle(title);
  return (
    <div style={{ marginBottom: 20 }}>
      {crumbs && crumbs.length > 0 ? (
        <nav aria-label={t('nav.breadcrumb')}>
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[...crumbs, { label: title }].map((crumb, index, all) =>
              crumb.to && index < all.length - 1 ? { title: <Link to={crumb.to}>{crumb.label}</Link> } : { title: crumb.label },
            )}
          />
        </nav>
      ) : null}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={1} data-testid="page-heading" style={{ fontSize: 24, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {description}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
