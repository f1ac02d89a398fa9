import { Link } from 'react-router';

/**
 * The platform's mark and name, linking home; drawn in SVG (no external assets under the CSP).
 * Narrow screens show the name only.
 */
export function Brand({ name, product, to }: { readonly name: string; readonly product: string; readonly to: string }) {
  return (
    <Link to={to} className="gs-brand">
      <svg width="32" height="32" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <rect width="64" height="64" rx="14" fill="#ffffff" fillOpacity="0.14" />
        <rect x="14" y="34" width="8" height="16" rx="2" fill="#ffffff" />
        <rect x="28" y="24" width="8" height="26" rx="2" fill="#ffffff" />
        <rect x="42" y="14" width="8" height="36" rx="2" fill="#f5c542" />
      </svg>
      <span className="gs-brand-text">
        {name}
        <span className="gs-brand-product"> · {product}</span>
      </span>
    </Link>
  );
}
