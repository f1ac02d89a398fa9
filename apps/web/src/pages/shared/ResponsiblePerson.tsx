import type { AgencyDetail } from '@gongshu/contracts';
import { Descriptions } from 'antd';
import { useT } from '../../i18n/useT';

/** The agency's first responsible person (R27.1). */
export function ResponsiblePerson({ person }: { readonly person: AgencyDetail['responsiblePerson'] }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="responsible-person"
      items={[
        { key: 'name', label: t('agency.responsibleName'), children: person.name },
        { key: 'title', label: t('agency.responsibleTitle'), children: person.title },
        { key: 'phone', label: t('agency.responsiblePhone'), children: person.phone ?? t('common.none') },
      ]}
    />
  );
}
