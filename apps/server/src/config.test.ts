import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_SESSION_SECRET, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for development: port 8080, PGlite in ./data, demo seed on', () => {
    const config = loadConfig({}, '/srv/gongshu');
    expect(config).toMatchObject({
      env: 'development',
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: null,
      dataDir: '/srv/gongshu/data',
      seedDemo: true,
      auditHash: 'sm3',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('switches to PostgreSQL with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
  });

  it('refuses to start in production on the default secret, and never seeds there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', GONGSHU_SESSION_SECRET: DEFAULT_SESSION_SECRET })).toThrow(/GONGSHU_SESSION_SECRET/);
    const secret = 'x'.repeat(40);
    // The data keys of encryption at rest are required in production too (tested in encryption/).
    const keys = {
      GONGSHU_DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      GONGSHU_DATA_KEY_ID: 'k1',
      GONGSHU_BLIND_INDEX_KEY: 'b'.repeat(64),
    };
    expect(loadConfig({ NODE_ENV: 'production', GONGSHU_SESSION_SECRET: secret, ...keys })).toMatchObject({
      seedDemo: false,
      secureCookies: true,
    });
    expect(() => loadConfig({ NODE_ENV: 'production', GONGSHU_SESSION_SECRET: secret, ...keys, GONGSHU_SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO/,
    );
  });

  it('names the variable on bad input', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ GONGSHU_AUDIT_HASH: 'md5' })).toThrow(/GONGSHU_AUDIT_HASH/);
    expect(() => loadConfig({ GONGSHU_SESSION_SECRET: 'short' })).toThrow(/at least 32/);
    expect(() => loadConfig({ GONGSHU_SECURE_COOKIES: 'maybe' })).toThrow(/GONGSHU_SECURE_COOKIES/);
    expect(() => loadConfig({ GONGSHU_MASK_KEY: 'short' })).toThrow(/GONGSHU_MASK_KEY/);
    expect(() => loadConfig({ GONGSHU_ACCESS_CACHE_SECONDS: '-1' })).toThrow(/GONGSHU_ACCESS_CACHE_SECONDS/);
  });
});
