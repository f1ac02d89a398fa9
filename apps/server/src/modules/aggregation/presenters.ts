import type { DataProblem, LoadBatch } from '@gongshu/contracts';
import type { LoadBatchRow } from '../../db/schema.js';
import type { Selectable } from 'kysely';
import type { DataProblemsTable } from '../../db/schema.js';

export function presentBatch(b: LoadBatchRow): LoadBatch {
  return {
    id: b.id,
    resourceId: b.resource_id,
    mode: b.mode as LoadBatch['mode'],
    channel: b.channel as LoadBatch['channel'],
    format: b.format as LoadBatch['format'],
    encoding: b.encoding,
    fileName: b.file_name,
    state: b.state as LoadBatch['state'],
    rowsRead: b.rows_read,
    rowsLoaded: b.rows_loaded,
    rowsQuarantined: b.rows_quarantined,
    bytesTotal: b.bytes_total,
    message: (b.message as LoadBatch['message']) ?? null,
    createdAt: b.created_at.toISOString(),
    startedAt: b.started_at?.toISOString() ?? null,
    finishedAt: b.finished_at?.toISOString() ?? null,
  };
}

export function presentProblem(p: Selectable<DataProblemsTable>): DataProblem {
  return {
    id: p.id,
    resourceId: p.resource_id,
    batchId: p.batch_id,
    source: p.source as DataProblem['source'],
    rowNumber: p.row_number,
    problems: p.problems as DataProblem['problems'],
    raw: (p.raw as DataProblem['raw']) ?? null,
    recordKey: p.record_key,
    description: p.description,
    state: p.state as DataProblem['state'],
    resolution: p.resolution,
    createdAt: p.created_at.toISOString(),
    fixedAt: p.fixed_at?.toISOString() ?? null,
    confirmedAt: p.confirmed_at?.toISOString() ?? null,
  };
}
