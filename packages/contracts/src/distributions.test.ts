import { describe, expect, it } from 'vitest';
import { openCitation, openDownloadPath, openPortalPath, openRecordsPath } from './distributions.js';

describe('open data paths', () => {
  it('puts the public page, downloads and records of a resource under one id', () => {
    const id = '0194f1a2-7c3e-7000-8000-000000000001';
    expect(openPortalPath(id)).toBe(`/open/resources/${id}`);
    expect(openDownloadPath(id, 'xlsx')).toBe(`/api/open/resources/${id}/download?format=xlsx`);
    expect(openRecordsPath(id)).toBe(`/api/open/resources/${id}/records`);
    expect(openPortalPath('a/b')).toBe('/open/resources/a%2Fb');
  });
});

describe('openCitation (R23.1)', () => {
  const base = {
    provider: '滕州市民政局',
    resource: '养老服务机构名录',
    code: '209003/000001',
    version: 2,
    retrievedOn: '2026-03-02',
    url: 'https://data.example.cn/open/resources/x',
  };

  it('names the provider, the resource, its version, the retrieval date and the URL', () => {
    expect(openCitation({ ...base, platform: '滕州市公共数据开放平台' })).toBe(
      '数据来源：滕州市民政局《养老服务机构名录》（资源代码 209003/000001，第 2 版），滕州市公共数据开放平台，获取日期 2026-03-02，https://data.example.cn/open/resources/x',
    );
  });

  it('leaves out what is unknown: no code, no platform', () => {
    expect(openCitation({ ...base, code: null })).toBe(
      '数据来源：滕州市民政局《养老服务机构名录》（第 2 版），获取日期 2026-03-02，https://data.example.cn/open/resources/x',
    );
  });
});
