import { describe, expect, it } from 'vitest';
import { recognizeLicence } from './licences.js';

describe('recognizeLicence', () => {
  it('names the well-known open licences in the ways providers write them', () => {
    expect(recognizeLicence('CC BY 4.0')?.ckanId).toBe('cc-by');
    expect(recognizeLicence('cc-by-4.0')?.url).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(recognizeLicence('知识共享署名 4.0 国际许可协议')?.ckanId).toBe('cc-by');
    expect(recognizeLicence('CC BY-SA 4.0')?.ckanId).toBe('cc-by-sa');
    expect(recognizeLicence('CC0')?.ckanId).toBe('cc-zero');
    expect(recognizeLicence('ODbL 1.0')?.ckanId).toBe('odc-odbl');
  });
  it('leaves other texts, other versions and no licence unrecognized', () => {
    expect(recognizeLicence('滕州市公共数据开放许可协议')).toBeNull();
    expect(recognizeLicence('CC BY 3.0 CN')).toBeNull();
    expect(recognizeLicence(null)).toBeNull();
    expect(recognizeLicence('  ')).toBeNull();
  });
});
