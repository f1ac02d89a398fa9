/** What a request asks for, in one line: the resource, the upper-level data, or the data described. */
import type { ShareRequest } from '../../../api/sharing';
import type { Translate } from '../../../i18n/context';

const MAX = 60;

export function requestTitle(t: Translate, request: Pick<ShareRequest, 'resource' | 'upperLevel' | 'dataDescription'>): string {
  if (request.resource) return request.resource.name;
  const description = request.dataDescription?.trim() ?? '';
  const short = [...description].length > MAX ? `${[...description].slice(0, MAX).join('')}…` : description;
  if (request.upperLevel) return t('share.title.upper', { level: t(`share.upper.${request.upperLevel}`), description: short });
  return t('share.title.demand', { description: short });
}
