/**
 * Participation on the open portal (issue 7 items 3, 7, 8), composed from its three parts:
 * registration, objections (R20.2) and the reuse showcase (R22.1).
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../context.js';
import type { Database } from '../../db/schema.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DeadlinesService } from '../deadlines/deadlines.service.js';
import { createObjectionsService } from './objections.service.js';
import { createRegistrationService } from './registration.service.js';
import { createShowcaseService } from './showcase.service.js';

export function createOpenParticipationService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: Clock;
  deadlines: DeadlinesService;
}) {
  return {
    registration: createRegistrationService(deps),
    objections: createObjectionsService(deps),
    showcase: createShowcaseService(deps),
  };
}

export type OpenParticipationService = ReturnType<typeof createOpenParticipationService>;
