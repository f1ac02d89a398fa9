/**
 * "Excel in, Excel out" routes (R10.1): template download, import of a filled template, export
 * of the published catalog. They live in their own plugin scope so that only the import route
 * accepts multipart uploads (10 MB, one file) and any other body there gets a clear 400.
 */
import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { routes } from '@gongshu/contracts';
import { DomainError, fail } from '@gongshu/domain';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../http/types.js';
import { validatorSkippingBody } from '../../http/validation.js';
import type { CatalogFilesService } from './catalog-files.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Content-Disposition with a UTF-8 file name (RFC 6266 / 5987) and an ASCII one for old clients. */
export function attachment(name: string, ascii: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function notAnUpload(): never {
  fail('VALIDATION_FAILED', {
    field: 'file',
    message: {
      zh: '请以 multipart/form-data 格式上传一个 .xlsx 文件，字段名为 file',
      en: 'Upload one .xlsx file as the multipart/form-data field "file"',
    },
  });
}

/** The uploaded file's bytes (at most 10 MB: an .xlsx is a zip that must be read whole). */
async function uploadedFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) notAnUpload();
  try {
    const part = await request.file();
    if (!part) notAnUpload();
    if (part.fieldname !== 'file') {
      part.file.resume();
      notAnUpload();
    }
    return await part.toBuffer();
  } catch (error) {
    // Too large (413) keeps its status; any other broken upload is the client's, described as such.
    if (error instanceof DomainError || (error as { statusCode?: number }).statusCode === 413) throw error;
    fail('VALIDATION_FAILED', {
      field: 'file',
      message: { zh: '上传内容不完整或格式错误', en: 'The upload is incomplete or malformed' },
    });
  }
}

export function registerCatalogFileRoutes(app: App, files: CatalogFilesService): void {
  const r = routes;
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(fastifyMultipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 100 },
    });
    // Any other content type reaches the handler, which explains what to send.
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
    const skipBody = validatorSkippingBody();

    scope.get(
      r.downloadCatalogTemplate.url,
      { schema: r.downloadCatalogTemplate.schema, config: { access: 'catalog.edit' } },
      async (_request, reply) =>
        reply
          .header('content-disposition', attachment('目录填报模板.xlsx', 'catalog-template.xlsx'))
          .type(XLSX)
          .send(await files.template()),
    );

    scope.post(
      r.importCatalog.url,
      { schema: r.importCatalog.schema, config: { access: 'catalog.edit' }, validatorCompiler: skipBody },
      async (request) =>
        files.importFile(request.ctx, await uploadedFile(request), { saveValidAsDrafts: request.query.saveValidAsDrafts ?? false }),
    );

    scope.get(r.exportCatalog.url, { schema: r.exportCatalog.schema, config: { access: 'catalog.read' } }, async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      const { name, ascii } = await files.exportFileName(format);
      void reply.header('content-disposition', attachment(name, ascii)).header('cache-control', 'private, no-store');
      switch (format) {
        case 'xlsx':
          return reply.type(XLSX).send(await files.exportWorkbook(request.ctx));
        case 'csv':
          return reply.type('text/csv; charset=utf-8').send(files.exportStream(request.ctx, 'csv'));
        case 'json':
          return reply.type('application/json; charset=utf-8').send(files.exportStream(request.ctx, 'json'));
      }
    });
  });
}
