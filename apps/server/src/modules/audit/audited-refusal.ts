/**
 * A refusal whose denial the service has already written to the audit trail (with more detail than
 * the generic access.denied entry), so the HTTP error handler does not audit it a second time.
 */
import { DomainError } from '@gongshu/domain';

export class AuditedRefusal extends DomainError {
  override name = 'AuditedRefusal';
}
