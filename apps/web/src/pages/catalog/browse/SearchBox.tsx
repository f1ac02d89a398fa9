import { Card, Input } from 'antd';
import { useEffect, useId, useState } from 'react';

export interface SearchBoxProps {
  /** The query in the address. */
  readonly q: string | undefined;
  /** Searches for the trimmed text, or lifts the query when it is empty. */
  readonly onSearch: (q: string | null) => void;
  readonly label: string;
  readonly placeholder: string;
  readonly button: string;
  readonly testId: string;
}

/** The search box of the catalog and the open portal, in a search landmark with a visible label. */
export function SearchBox({ q, onSearch, label, placeholder, button, testId }: SearchBoxProps) {
  const [text, setText] = useState(q ?? '');
  const searchId = useId();

  // The box follows the address (back button, a facet link), not the other way round.
  useEffect(() => setText(q ?? ''), [q]);

  return (
    <Card style={{ marginBottom: 16 }}>
      <form
        role="search"
        // Input.Search searches on Enter and on its button; the form only gives the landmark.
        onSubmit={(event) => event.preventDefault()}
      >
        <label htmlFor={searchId} className="gs-search-label">
          {label}
        </label>
        <Input.Search
          id={searchId}
          size="large"
          value={text}
          maxLength={200}
          allowClear
          placeholder={placeholder}
          enterButton={button}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => onSearch(value.trim() || null)}
          data-testid={testId}
        />
      </form>
    </Card>
  );
}
