import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useCatalogResource, useCatalogSearch } from '../../../api/catalog';
import { useDebounced } from '../../../components/useDebounced';
import { useI18n } from '../../../i18n/useT';
import { termLabel } from '../../catalog/shared/vocabulary';

export interface ResourcePickerProps {
  readonly id?: string;
  readonly value?: string;
  readonly onChange?: (value: string) => void;
}

/** A published catalog resource, searched as one types (name, code, keywords), with its provider and share type. */
export function ResourcePicker({ id, value, onChange }: ResourcePickerProps) {
  const { t, pick } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 250);
  const search = useCatalogSearch({ ...(q ? { q } : {}), pageSize: 30 });
  // The chosen resource keeps its label even when the current search does not list it.
  const chosen = useCatalogResource(value ?? '', Boolean(value));
  const options = useMemo(() => {
    const hits = (search.data?.hits ?? []).map((hit) => ({
      value: hit.id,
      label: t('share.wizard.resourceOption', {
        name: hit.name,
        provider: hit.provider.name,
        share: termLabel(pick, 'shareType', hit.shareType),
      }),
    }));
    const current = chosen.data;
    if (value && current?.current && !hits.some((hit) => hit.value === value)) {
      hits.unshift({
        value,
        label: t('share.wizard.resourceOption', {
          name: current.current.metadata.name,
          provider: current.provider.name,
          share: termLabel(pick, 'shareType', current.current.metadata.share.type),
        }),
      });
    }
    return hits;
  }, [search.data, chosen.data, value, t, pick]);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      onChange={onChange}
      options={options}
      loading={search.isFetching}
      placeholder={t('share.wizard.resourcePlaceholder')}
      notFoundContent={search.isFetching ? t('app.loading') : t('share.wizard.resourceNone')}
      data-testid="wizard-resource"
      style={{ width: '100%' }}
    />
  );
}
