/**
 * Every migration, in order. Names are timestamps; a landed migration is never edited.
 * Listed explicitly (no directory scan) so the set is the same from source, tests and bundles.
 */
import type { Migration } from 'kysely';
import * as foundation from './20261126T2300_foundation.js';
import * as deadlines from './20261127T0030_deadlines.js';
import * as catalog from './20261127T0200_catalog.js';
import * as aggregation from './20261127T0300_aggregation.js';
import * as dataTimeliness from './20261127T0400_data_timeliness.js';
import * as sharing from './20261127T0500_sharing.js';
import * as exit from './20261127T0600_exit.js';
import * as openData from './20261127T0700_open_data.js';
import * as openUsageOverdue from './20261127T0720_open_usage_overdue.js';
import * as serviceProviders from './20261127T0900_service_providers.js';
import * as correlationAssessments from './20261127T0910_correlation_assessments.js';
import * as accessAlerts from './20261127T0920_access_alerts.js';
import * as grantMasks from './20261127T0930_grant_masks.js';
import * as fieldEncryption from './20261127T0940_field_encryption.js';
import * as openUsageCounts from './20261127T0960_open_usage_counts.js';
import * as loadBatchOwner from './20261127T0970_load_batch_owner.js';

export const migrations: Record<string, Migration> = {
  '20261126T2300_foundation': foundation,
  '20261127T0030_deadlines': deadlines,
  '20261127T0200_catalog': catalog,
  '20261127T0300_aggregation': aggregation,
  '20261127T0400_data_timeliness': dataTimeliness,
  '20261127T0500_sharing': sharing,
  '20261127T0600_exit': exit,
  '20261127T0700_open_data': openData,
  '20261127T0720_open_usage_overdue': openUsageOverdue,
  '20261127T0900_service_providers': serviceProviders,
  '20261127T0910_correlation_assessments': correlationAssessments,
  '20261127T0920_access_alerts': accessAlerts,
  '20261127T0930_grant_masks': grantMasks,
  '20261127T0940_field_encryption': fieldEncryption,
  '20261127T0960_open_usage_counts': openUsageCounts,
  '20261127T0970_load_batch_owner': loadBatchOwner,
};
