/**
 * Catalog search benchmark (issue 4): latency (p50, p95) of search with facets over 20,000
 * synthetic published resources, on PGlite and, when BENCH_DATABASE_URL is set, on PostgreSQL.
 * Targets: p95 < 50 ms on PGlite, < 20 ms on PostgreSQL.
 * Run: node --import tsx bench/catalog-search.ts [resources] [queries]
 */
import { sql } from 'kysely';
import type { SearchQuery } from '@gongshu/contracts';
import { FORMAT_CATEGORIES, OPEN_TYPES, SHARE_TYPES, UPDATE_FREQUENCIES, type ResourceMetadata } from '@gongshu/domain';
import { loadConfig } from '../apps/server/src/config.js';
import { systemClock, systemContext } from '../apps/server/src/context.js';
import type { Db } from '../apps/server/src/db/connect.js';
import { onScratchDatabases } from './scratch-databases.js';
import { prepareDatabase } from '../apps/server/src/setup.js';
import { indexResource, searchCatalog } from '../apps/server/src/modules/catalog/catalog-search.js';
import { seedDemoCity } from '../apps/server/src/modules/seed/seed.service.js';
import { seededRandom } from '../apps/server/src/modules/seed/synthetic-people.js';
import { createServices } from '../apps/server/src/services.js';

const N = Number(process.argv[2] ?? 20_000);
const QUERIES = Number(process.argv[3] ?? 400);

const SUBJECTS = [
  '人口',
  '法人',
  '企业',
  '社会保险',
  '医疗',
  '学校',
  '公交',
  '不动产',
  '土地',
  '空气质量',
  '水质',
  '住房',
  '公积金',
  '婚姻',
  '低保',
  '养老',
  '就业',
  '税务',
  '信用',
  '许可',
  '处罚',
  '车辆',
  '道路',
  '停车',
  '垃圾分类',
  '供热',
  '燃气',
  '电力',
  '文化',
  '体育',
  '旅游',
  '气象',
  '林业',
  '农业',
  '水利',
  '应急',
  '消防',
  '食品',
  '药品',
  '价格',
];
const ASPECTS = [
  '基础信息',
  '登记信息',
  '名录',
  '监测数据',
  '统计数据',
  '审批信息',
  '缴存信息',
  '变更记录',
  '台账',
  '目录',
  '实时数据',
  '年报',
  '公示信息',
  '查询接口',
];
const EN = [
  'population',
  'enterprise',
  'insurance',
  'medical',
  'school',
  'bus',
  'property',
  'land',
  'air quality',
  'water',
  'housing',
  'credit',
  'licence',
  'traffic',
  'parking',
];
const FIELDS = ['名称', '代码', '地址', '联系电话', '登记日期', '状态', '类型', '所属区域', '负责人', '数量', '金额', '更新时间'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function syntheticMetadata(random: () => number, i: number): ResourceMetadata {
  const subject = pick(random, SUBJECTS);
  const name = `${subject}${pick(random, ASPECTS)}${i % 7 === 0 ? `（${pick(random, ['东区', '西区', '荆河', '北辛', '善南'])}）` : ''}`;
  const share = pick(random, SHARE_TYPES).code;
  const open = share === 'none' ? 'none' : pick(random, OPEN_TYPES).code;
  return {
    classificationCode: `2${String(1 + Math.floor(random() * 12)).padStart(2, '0')}001`,
    name,
    nameEn: `${pick(random, EN)} ${pick(random, ['register', 'records', 'monitoring', 'statistics'])}`,
    summary: `滕州市${subject}相关的${pick(random, ASPECTS)}，按${pick(random, UPDATE_FREQUENCIES).zh}更新，供${pick(random, ['政务服务', '城市治理', '公众查询', '统计分析'])}使用。`,
    keywords: [subject, pick(random, ASPECTS)],
    sourceSystem: `${subject}业务系统`,
    formatCategory: pick(random, FORMAT_CATEGORIES).code,
    formatType: 'xlsx',
    fields: Array.from({ length: 3 + Math.floor(random() * 8) }, (_, k) => ({
      code: `f${k}`,
      name: `${subject}${pick(random, FIELDS)}`,
      dataType: 'string' as const,
      length: 100,
      description: null,
      identifierRole: 'none' as const,
      sensitivity: 'internal' as const,
      required: false,
    })),
    share: { type: share, conditions: '用于履职', legalBasis: '法规', methods: ['interface'] },
    open: { type: open, conditions: '实名申请', noneGround: open === 'none' ? 'trade_secret_privacy' : null, legalBasis: '法规' },
    securityLevel: (1 + Math.floor(random() * 4)) as 1 | 2 | 3 | 4,
    dataGrade: 'general',
    usageConditions: null,
    updateFrequency: pick(random, UPDATE_FREQUENCIES).code,
    relatedResourceCodes: [],
    licence: null,
    involvesStateSecret: false,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(kind: string, db: Db): Promise<void> {
  const services = createServices(db, loadConfig({ NODE_ENV: 'test' }), systemClock);
  await prepareDatabase(db, services);
  await seedDemoCity(services, systemContext());
  const agencies = await db.kysely.selectFrom('agencies').select(['id', 'name', 'sector']).where('kind', '<>', 'bureau').execute();
  const random = seededRandom(21063);
  const loadStart = performance.now();
  for (let i = 0; i < N; i += 500) {
    await db.kysely.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(N, i + 500); j++) {
        const agency = pick(random, agencies);
        const resource = await trx
          .insertInto('catalog_resources')
          .values({ provider_agency_id: agency.id, created_at: new Date(), code: `bench/${j}` })
          .returning('id')
          .executeTakeFirstOrThrow();
        await indexResource(trx, {
          resourceId: resource.id,
          code: `bench/${String(j).padStart(6, '0')}`,
          providerId: agency.id,
          providerName: agency.name,
          sector: agency.sector,
          publishedAt: new Date(Date.now() - Math.floor(random() * 3e10)),
          metadata: syntheticMetadata(random, j),
        });
      }
    });
  }
  await sql`analyze catalog_search`.execute(db.kysely);
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const queries: SearchQuery[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const roll = random();
    if (roll < 0.5) queries.push({ q: pick(random, SUBJECTS) });
    else if (roll < 0.7) queries.push({ q: `${pick(random, SUBJECTS)}${pick(random, ASPECTS)}` });
    else if (roll < 0.8) queries.push({ q: pick(random, EN) });
    else if (roll < 0.9) queries.push({ q: pick(random, SUBJECTS), openType: 'unconditional', sort: 'updated' });
    else queries.push({ page: 1 + Math.floor(random() * 5) });
  }
  for (const q of queries.slice(0, 20)) await searchCatalog(db.kysely, q, { openOnly: false }); // warm up
  const times: number[] = [];
  let hits = 0;
  for (const q of queries) {
    const t = performance.now();
    const result = await searchCatalog(db.kysely, q, { openOnly: false });
    times.push(performance.now() - t);
    hits += result.total;
  }
  if (process.env.BENCH_DETAIL) {
    const byKind = new Map<string, number[]>();
    queries.forEach((q, i) => {
      const kind =
        q.q === undefined ? 'browse' : q.openType ? 'filtered' : /[a-z]/.test(q.q) ? 'english' : q.q.length > 4 ? 'long' : 'word';
      byKind.set(kind, [...(byKind.get(kind) ?? []), times[i] ?? 0]);
    });
    for (const [kind, list] of byKind)
      console.log(kind, list.length, Math.round(list.reduce((a, b) => a + b, 0) / list.length), Math.round(Math.max(...list)));
  }
  times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      benchmark: 'catalog-search',
      database: kind,
      resources: N,
      queries: QUERIES,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      p50ms: Number(percentile(times, 50).toFixed(1)),
      p95ms: Number(percentile(times, 95).toFixed(1)),
      maxMs: Number((times.at(-1) ?? 0).toFixed(1)),
      averageHits: Math.round(hits / QUERIES),
    }),
  );
}

await onScratchDatabases(run);
