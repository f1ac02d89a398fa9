/** The field cipher (R29.1): the SM4 primitive against GB/T 32907, both ciphers, tampering, keys and configuration. */
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { createFieldCipher, fieldCipherOf, FieldCipherError, isEncryptedValue, keyIdOf, type FieldCipherName } from './field-cipher.js';

const key = () => randomBytes(32);
const b64 = (b: Buffer) => b.toString('base64');

function cipherOf(cipher: FieldCipherName, keys: Record<string, Buffer>, active: string, blindIndexHash: 'sm3' | 'sha256' = 'sm3') {
  return createFieldCipher({
    cipher,
    keys: new Map(Object.entries(keys)),
    activeKeyId: active,
    blindIndexKey: Buffer.alloc(32, 7),
    blindIndexHash,
  });
}

describe('field cipher', () => {
  it('uses an SM4 primitive that gives the GB/T 32907 test vector', () => {
    const k = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = createCipheriv('sm4-ecb', k, null);
    c.setAutoPadding(false);
    expect(Buffer.concat([c.update(k), c.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it.each(['sm4', 'aes-256-gcm'] as const)('%s: round trip, self-describing, random IV', (name) => {
    const c = cipherOf(name, { k1: key() }, 'k1');
    const plain = '370481198001011234 张三 ☃';
    const a = c.encrypt(plain, 'r1/sfzh');
    const b = c.encrypt(plain, 'r1/sfzh');
    expect(a).not.toBe(b);
    expect(a.startsWith(`v1.${name === 'sm4' ? 'sm4' : 'aes'}.k1.`)).toBe(true);
    expect(a.startsWith(c.activePrefix)).toBe(true);
    expect(a).not.toContain('370481');
    expect(isEncryptedValue(a)).toBe(true);
    expect(keyIdOf(a)).toBe('k1');
    expect(c.decrypt(a, 'r1/sfzh')).toBe(plain);
    expect(c.decrypt(c.encrypt('', 'r1/x'), 'r1/x')).toBe('');
  });

  it.each(['sm4', 'aes-256-gcm'] as const)('%s: tampered values, another context or key are refused', (name) => {
    const c = cipherOf(name, { k1: key() }, 'k1');
    const value = c.encrypt('370481198001011234', 'r1/sfzh');
    const parts = value.split('.');
    const flip = (s: string) => {
      const bytes = Buffer.from(s, 'base64url');
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes.toString('base64url');
    };
    for (const i of [3, 4, 5]) {
      const tampered = parts.map((p, j) => (j === i ? flip(p) : p)).join('.');
      expect(() => c.decrypt(tampered, 'r1/sfzh')).toThrow(FieldCipherError);
    }
    // Moved to another field or resource: the context does not match.
    expect(() => c.decrypt(value, 'r1/xm')).toThrow(FieldCipherError);
    // Relabelled with another cipher or key id.
    expect(() => c.decrypt(value.replace(/^v1\.(sm4|aes)\./, name === 'sm4' ? 'v1.aes.' : 'v1.sm4.'), 'r1/sfzh')).toThrow(FieldCipherError);
    const other = cipherOf(name, { k1: key() }, 'k1');
    expect(() => other.decrypt(value, 'r1/sfzh')).toThrow(FieldCipherError);
    expect(() => c.decrypt('370481198001011234', 'r1/sfzh')).toThrow(FieldCipherError);
  });

  it('reads values of every configured key id and either cipher; an unconfigured key id is refused', () => {
    const k1 = key();
    const k2 = key();
    const old = cipherOf('aes-256-gcm', { k1 }, 'k1');
    const now = cipherOf('sm4', { k1, k2 }, 'k2');
    const before = old.encrypt('甲', 'c');
    expect(now.decrypt(before, 'c')).toBe('甲');
    expect(keyIdOf(now.encrypt('乙', 'c'))).toBe('k2');
    const without = cipherOf('sm4', { k2 }, 'k2');
    expect(() => without.decrypt(before, 'c')).toThrow(/k1 is not configured/);
  });

  it('blind index: equal values equal, keyed, HMAC-SM3 or HMAC-SHA-256', () => {
    const sm3 = cipherOf('sm4', { k1: key() }, 'k1', 'sm3');
    const sha = cipherOf('sm4', { k1: key() }, 'k1', 'sha256');
    expect(sm3.blindIndex('370481198001011234')).toBe(sm3.blindIndex('370481198001011234'));
    expect(sm3.blindIndex('370481198001011234')).not.toBe(sm3.blindIndex('370481198001011235'));
    expect(sm3.blindIndex('x')).toMatch(/^[0-9a-f]{64}$/);
    expect(sm3.blindIndex('x')).not.toBe(sha.blindIndex('x'));
  });
});

describe('field encryption configuration', () => {
  const prod = { NODE_ENV: 'production', GONGSHU_SESSION_SECRET: 's'.repeat(40), GONGSHU_SEED_DEMO: 'false' };

  it('production refuses to start without data keys or a blind-index key', () => {
    expect(() => loadConfig(prod)).toThrow(/GONGSHU_DATA_KEYS and GONGSHU_BLIND_INDEX_KEY must be set in production/);
    expect(() => loadConfig({ ...prod, GONGSHU_DATA_KEYS: `k1:${b64(key())}` })).toThrow(ConfigError);
    expect(() => loadConfig({ ...prod, GONGSHU_BLIND_INDEX_KEY: b64(key()) })).toThrow(ConfigError);
  });

  it('parses keys, the active id, the cipher and the blind-index hash; refuses bad values', () => {
    const k1 = b64(key());
    const k2 = b64(key());
    const env = { ...prod, GONGSHU_DATA_KEYS: `k1:${k1},k2:${k2}`, GONGSHU_DATA_KEY_ID: 'k2', GONGSHU_BLIND_INDEX_KEY: b64(key()) };
    const config = loadConfig({ ...env, GONGSHU_FIELD_CIPHER: 'aes-256-gcm', GONGSHU_BLIND_INDEX_HASH: 'sha256' });
    expect(config.fieldEncryption).toMatchObject({ cipher: 'aes-256-gcm', activeKeyId: 'k2', blindIndexHash: 'sha256' });
    expect(fieldCipherOf(config).keyIds).toEqual(['k1', 'k2']);
    expect(loadConfig(env).fieldEncryption.cipher).toBe('sm4');
    expect(() => loadConfig({ ...env, GONGSHU_DATA_KEY_ID: undefined })).toThrow(/must name the active key/);
    expect(() => loadConfig({ ...env, GONGSHU_DATA_KEY_ID: 'k3' })).toThrow(/not in GONGSHU_DATA_KEYS/);
    expect(() => loadConfig({ ...env, GONGSHU_DATA_KEYS: `k1:${b64(randomBytes(16))}` })).toThrow(/32 bytes/);
    expect(() => loadConfig({ ...env, GONGSHU_DATA_KEYS: `k1:${k1},k1:${k2}` })).toThrow(/twice/);
    expect(() => loadConfig({ ...env, GONGSHU_FIELD_CIPHER: 'des' })).toThrow(/sm4 or aes-256-gcm/);
    expect(() => loadConfig({ ...env, GONGSHU_BLIND_INDEX_HASH: 'md5' })).toThrow(/sm3 or sha256/);
  });

  it('development derives a marked, deterministic key', () => {
    const a = loadConfig({ NODE_ENV: 'test' }).fieldEncryption;
    expect(a.activeKeyId).toBe('dev1');
    expect(a.dataKeys).toEqual(loadConfig({ NODE_ENV: 'development' }).fieldEncryption.dataKeys);
  });
});
