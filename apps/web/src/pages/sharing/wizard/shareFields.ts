/**
 * A catalog entry's fields as the exit will deliver them: each with its sensitivity and the mask
 * the node applies by default for the entry's security level (R29.1, the domain's rule).
 */
import type { ResourceMetadata } from '@gongshu/contracts';
import { defaultMask } from '@gongshu/domain';
import type { ShareField } from '../../../api/sharing';

export function shareFieldsOf(metadata: Pick<ResourceMetadata, 'fields' | 'securityLevel'>): ShareField[] {
  return metadata.fields.map((field) => ({
    code: field.code,
    name: field.name,
    sensitivity: field.sensitivity,
    mask: defaultMask(field, metadata.securityLevel).kind,
  }));
}
