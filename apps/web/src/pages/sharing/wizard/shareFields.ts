/**
 * A catalog entry's fields as the exit will deliver them: each with its sensitivity and the mask
 * the node applies by default: declared in the catalog, or the security level's (R29.1, the domain's rule).
 */
import type { ResourceMetadata } from '@gongshu/contracts';
import { fieldDefaultMask } from '@gongshu/domain';
import type { ShareField } from '../../../api/sharing';

export function shareFieldsOf(metadata: Pick<ResourceMetadata, 'fields' | 'securityLevel'>): ShareField[] {
  return metadata.fields.map((field) => ({
    code: field.code,
    name: field.name,
    sensitivity: field.sensitivity,
    // The steward's declared mask, else the grading default (R29.1).
    mask: fieldDefaultMask(field, metadata.securityLevel).kind,
    defaultMask: fieldDefaultMask(field, metadata.securityLevel),
  }));
}
