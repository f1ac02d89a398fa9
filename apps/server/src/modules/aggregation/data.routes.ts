/**
 * Aggregation routes (issue 5): upload (multipart, streamed to disk, processed in the background),
 * push API for agency systems, load status, problem data and quality.
 */
import fastifyMultipart from '@fastify/multipart';
import { routes } from '@gongshu/contracts';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DomainError, fail } from '@gongshu/domain';
import type { App } from '../../http/types.js';
import { userOf } from '../../http/types.js';
import { validatorSkippingBody } from '../../http/validation.js';
import type { DataQualityService } from './data-quality.service.js';
import type { LoadFormat } from './load-sources.js';
import type { LoadsService } from './loads.service.js';
import { presentBatch } from './presenters.js';

function formatOf(fileName: string, declared: LoadFormat | undefined): LoadFormat {
  if (declared) return declared;
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  return fail('VALIDATION_FAILED', {
    field: 'file',
    message: {
      zh: `无法从文件名“${fileName}”判断格式：支持 .csv、.xlsx、.jsonl`,
      en: `Cannot tell the format of "${fileName}": .csv, .xlsx and .jsonl are supported`,
    },
  });
}

export function registerDataRoutes(app: App, loads: LoadsService, quality: DataQualityService, maxUploadBytes: number): void {
  const r = routes;

  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(fastifyMultipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 } });
    const skipBody = validatorSkippingBody();
    scope.post(
      r.uploadData.url,
      { schema: r.uploadData.schema, config: { access: 'catalog.edit' }, validatorCompiler: skipBody },
      async (request, reply) => {
        if (!request.isMultipart())
          fail('VALIDATION_FAILED', {
            field: 'file',
            message: { zh: '请以 multipart/form-data 上传文件', en: 'Upload the file as multipart/form-data' },
          });
        const file = await request.file();
        if (!file) fail('VALIDATION_FAILED', { field: 'file', message: { zh: '没有收到文件', en: 'No file was received' } });
        const batch = await loads
          .queueUpload(request.ctx, userOf(request), request.params.resourceId, file.file, {
            mode: request.query.mode ?? 'replace',
            format: formatOf(file.filename, request.query.format),
            encoding: request.query.encoding ?? null,
            fileName: file.filename,
          })
          .catch((error: unknown) => {
            // Over GONGSHU_UPLOAD_MAX_BYTES (the batch is failed and the part written removed): 413, in the one shape.
            throw file.file.truncated && error instanceof DomainError ? Object.assign(error, { statusCode: 413 }) : error;
          });
        return reply.status(202).send(presentBatch(batch));
      },
    );
  });

  app.post(
    r.pushRecords.url,
    { schema: r.pushRecords.schema, config: { access: 'catalog.edit' }, bodyLimit: 32 * 1024 * 1024 },
    async (request) => {
      const { batch, replayed } = await loads.push(request.ctx, userOf(request), request.params.resourceId, request.body);
      return { batch: presentBatch(batch), replayed };
    },
  );

  app.get(r.getLoad.url, { schema: r.getLoad.schema, config: { access: 'authenticated' } }, async (request) =>
    presentBatch(await loads.batch(userOf(request), request.params.id)),
  );
  app.get(r.listLoads.url, { schema: r.listLoads.schema, config: { access: 'authenticated' } }, async (request) =>
    (await loads.batches(userOf(request), request.params.resourceId)).map(presentBatch),
  );
  app.get(r.listProblems.url, { schema: r.listProblems.schema, config: { access: 'authenticated' } }, async (request) =>
    quality.list(userOf(request), request.params.resourceId, request.query),
  );
  app.get(r.downloadProblems.url, { schema: r.downloadProblems.schema, config: { access: 'authenticated' } }, async (request, reply) => {
    const { buffer, name } = await quality.workbook(userOf(request), request.params.resourceId, request.query.batchId);
    return reply
      .header('content-disposition', `attachment; filename="problems.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(buffer);
  });
  app.post(r.reportProblem.url, { schema: r.reportProblem.schema, config: { access: 'catalog.read' } }, async (request, reply) =>
    reply.status(201).send(await quality.report(request.ctx, userOf(request), request.params.resourceId, request.body)),
  );
  app.post(r.resolveProblem.url, { schema: r.resolveProblem.schema, config: { access: 'authenticated' } }, async (request) =>
    quality.resolve(request.ctx, userOf(request), request.params.id, request.params.action, request.body.resolution),
  );
  app.get(r.getQuality.url, { schema: r.getQuality.schema, config: { access: 'authenticated' } }, async (request) =>
    quality.quality(userOf(request), request.params.resourceId),
  );
  app.put(r.putQuality.url, { schema: r.putQuality.schema, config: { access: 'authenticated' } }, async (request) =>
    quality.setQuality(request.ctx, userOf(request), request.params.resourceId, request.body),
  );
}
