/**
 * The one place that reads the environment (house rule 8). Parsed once into a frozen object;
 * every variable is documented in docs/operations.md.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly host: string;
  readonly port: number;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  readonly databaseUrl: string | null;
  /** Folder of the embedded database and uploaded files. */
  readonly dataDir: string;
  /** Secret that signs cookies (session, CSRF). */
  readonly sessionSecret: string;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly loginMaxAttempts: number;
  readonly lockoutMinutes: number;
  /** Sign-in attempts allowed per client address per minute. */
  readonly loginRateLimit: number;
  /** Registrations on the open portal allowed per client address per hour. */
  readonly registerRateLimit: number;
  /** Hash of the audit chain: SM3 (国密) or SHA-256. */
  readonly auditHash: 'sm3' | 'sha256';
  /** Seed the demo city on first start with an empty database (never in production). */
  readonly seedDemo: boolean;
  readonly logLevel: string;
  /** Whether cookies carry the Secure flag (behind HTTPS). */
  readonly secureCookies: boolean;
  /** Trust X-Forwarded-* headers from a reverse proxy. */
  readonly trustProxy: boolean;
  /** Largest data file accepted by an upload, in bytes. */
  readonly maxUploadBytes: number;
  /** Seconds between passes of the deadline sweeper; 0 turns it off (e.g. on extra processes). */
  readonly sweepSeconds: number;
  /** Scheduled backups (R29.1; modules/backup): folder, hours between backups (0: off) and how many to keep. */
  readonly backup: { readonly dir: string; readonly intervalHours: number; readonly keep: number };
  /** Public base URL, used in printed links and citation lines. */
  readonly publicUrl: string;
  /**
   * Key of the keyed hashes of the exit (hash masks, looked-up identifiers in the delivery log);
   * null: a random key generated once and kept in the database (platform_meta.exit_mask_key).
   */
  readonly maskKey: string | null;
  /** Seconds a grant (with its keys and field masks) or an API key may be served from the in-process cache; 0 turns caching off. */
  readonly accessCacheSeconds: number;
  /** Calls of the open-data query API per API key (or signed-in user, or address for anonymous CKAN datastore_search) per minute, in process. */
  readonly openRatePerMinute: number;
  /** Calls of the open-data query API per API key (or signed-in user) per China day. */
  readonly openDailyQuota: number;
  /** Unusual-access alerts for the security supervisors (R29.1; modules/security-alerts). */
  readonly accessAlerts: AccessAlertsConfig;
  /** Encryption at rest of level-3+ fields (R29.1): cipher, data keys by id, the active id, blind-index key and hash. */
  readonly fieldEncryption: FieldEncryptionConfig;
}

export interface FieldEncryptionConfig {
  readonly cipher: 'sm4' | 'aes-256-gcm';
  /** Every configured data key (old ones stay until a rotation has moved every value off them); keys base64, 32 bytes. */
  readonly dataKeys: readonly { readonly id: string; readonly key: string }[];
  /** The key id of new writes. */
  readonly activeKeyId: string;
  /** Base64, at least 32 bytes. */
  readonly blindIndexKey: string;
  readonly blindIndexHash: 'sm3' | 'sha256';
}

/**
 * DEVELOPMENT ONLY: the data key and blind-index key used when none is configured, derived from
 * public labels (anyone can compute them); production refuses to start without real keys.
 */
export const DEVELOPMENT_DATA_KEY_ID = 'dev1';
export const developmentKey = (label: string): string => createHash('sha256').update(`gongshu-development-${label}`).digest('base64');

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

function fieldEncryption(env: Env, production: boolean): FieldEncryptionConfig {
  const cipher = (env.GONGSHU_FIELD_CIPHER ?? 'sm4').toLowerCase();
  if (cipher !== 'sm4' && cipher !== 'aes-256-gcm')
    throw new ConfigError(`GONGSHU_FIELD_CIPHER must be sm4 or aes-256-gcm, got "${cipher}"`);
  const blindIndexHash = (env.GONGSHU_BLIND_INDEX_HASH ?? 'sm3').toLowerCase();
  if (blindIndexHash !== 'sm3' && blindIndexHash !== 'sha256') {
    throw new ConfigError(`GONGSHU_BLIND_INDEX_HASH must be sm3 or sha256, got "${blindIndexHash}"`);
  }
  const rawKeys = env.GONGSHU_DATA_KEYS ?? '';
  const rawIndexKey = env.GONGSHU_BLIND_INDEX_KEY ?? '';
  if (production && (rawKeys === '' || rawIndexKey === '')) {
    throw new ConfigError(
      'GONGSHU_DATA_KEYS and GONGSHU_BLIND_INDEX_KEY must be set in production (R29.1: level-3+ fields are encrypted at rest)',
    );
  }
  const dataKeys =
    rawKeys === ''
      ? [{ id: DEVELOPMENT_DATA_KEY_ID, key: developmentKey('data-key-dev1') }]
      : rawKeys.split(',').map((entry) => {
          const at = entry.indexOf(':');
          const id = entry.slice(0, at).trim();
          const key = entry.slice(at + 1).trim();
          if (at < 0 || !KEY_ID.test(id))
            throw new ConfigError('GONGSHU_DATA_KEYS must be "<id>:<base64 key>,…" with ids of letters, digits, _ and -');
          if (Buffer.from(key, 'base64').length !== 32) throw new ConfigError(`GONGSHU_DATA_KEYS: key ${id} must be 32 bytes in base64`);
          return { id, key };
        });
  if (new Set(dataKeys.map((k) => k.id)).size !== dataKeys.length) throw new ConfigError('GONGSHU_DATA_KEYS names a key id twice');
  const activeKeyId = env.GONGSHU_DATA_KEY_ID ?? (dataKeys.length === 1 ? dataKeys[0]?.id : undefined);
  if (!activeKeyId) throw new ConfigError('GONGSHU_DATA_KEY_ID must name the active key when GONGSHU_DATA_KEYS has several');
  if (!dataKeys.some((k) => k.id === activeKeyId)) throw new ConfigError(`GONGSHU_DATA_KEY_ID ${activeKeyId} is not in GONGSHU_DATA_KEYS`);
  const blindIndexKey = rawIndexKey === '' ? developmentKey('blind-index-key') : rawIndexKey;
  if (Buffer.from(blindIndexKey, 'base64').length < 32)
    throw new ConfigError('GONGSHU_BLIND_INDEX_KEY must be at least 32 bytes in base64');
  return { cipher, dataKeys, activeKeyId, blindIndexKey, blindIndexHash };
}

export interface AccessAlertsConfig {
  /** Minutes between two passes of the sweep (across processes); 0 turns the alerts off. */
  readonly sweepMinutes: number;
  readonly factor: number;
  readonly floor: number;
  readonly firstUseFloor: number;
  /** China clock hours [start, end) of the night; null: no off-hours rule. */
  readonly offHours: { readonly start: number; readonly end: number } | null;
  readonly offHoursFloor: number;
  readonly baselineDays: number;
}

/** GONGSHU_ALERT_OFF_HOURS: "22-6" (China hours, from-to, wrapping midnight) or "off". */
function offHours(env: Env): AccessAlertsConfig['offHours'] {
  const raw = env.GONGSHU_ALERT_OFF_HOURS;
  if (raw === undefined || raw === '') return { start: 22, end: 6 };
  if (raw.toLowerCase() === 'off') return null;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(raw);
  const [start, end] = [Number(m?.[1]), Number(m?.[2])];
  if (!m || start > 23 || end > 23 || start === end)
    throw new ConfigError(`GONGSHU_ALERT_OFF_HOURS must be "from-to" hours 0-23 or "off", got "${raw}"`);
  return { start, end };
}

/** The development default secret; production refuses to start with it. */
export const DEFAULT_SESSION_SECRET = 'gongshu-development-secret-change-me-0123456789';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Parses the environment; throws ConfigError naming the variable on bad input. */
export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const production = nodeEnv === 'production';
  const sessionSecret = env.GONGSHU_SESSION_SECRET ?? DEFAULT_SESSION_SECRET;
  if (production && sessionSecret === DEFAULT_SESSION_SECRET) {
    throw new ConfigError('GONGSHU_SESSION_SECRET must be set in production (the default secret is public)');
  }
  if (sessionSecret.length < 32) throw new ConfigError('GONGSHU_SESSION_SECRET must have at least 32 characters');
  const auditHash = (env.GONGSHU_AUDIT_HASH ?? 'sm3').toLowerCase();
  if (auditHash !== 'sm3' && auditHash !== 'sha256') {
    throw new ConfigError(`GONGSHU_AUDIT_HASH must be sm3 or sha256, got "${auditHash}"`);
  }
  const maskKey = env.GONGSHU_MASK_KEY && env.GONGSHU_MASK_KEY !== '' ? env.GONGSHU_MASK_KEY : null;
  if (maskKey !== null && maskKey.length < 32) throw new ConfigError('GONGSHU_MASK_KEY must have at least 32 characters');
  const port = int(env, 'PORT', 8080, 0);
  const host = env.HOST ?? '127.0.0.1';
  const seedDemo = bool(env, 'GONGSHU_SEED_DEMO', !production);
  if (production && seedDemo) throw new ConfigError('GONGSHU_SEED_DEMO cannot be true in production');
  return Object.freeze({
    env: nodeEnv,
    host,
    port,
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null,
    dataDir: path.resolve(cwd, env.GONGSHU_DATA_DIR ?? 'data'),
    sessionSecret,
    sessionIdleMinutes: int(env, 'GONGSHU_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int(env, 'GONGSHU_SESSION_ABSOLUTE_HOURS', 12),
    loginMaxAttempts: int(env, 'GONGSHU_LOGIN_MAX_ATTEMPTS', 5),
    lockoutMinutes: int(env, 'GONGSHU_LOCKOUT_MINUTES', 15),
    loginRateLimit: int(env, 'GONGSHU_LOGIN_RATE_LIMIT', 20),
    registerRateLimit: int(env, 'GONGSHU_REGISTER_RATE_LIMIT', 10),
    auditHash,
    seedDemo,
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    secureCookies: bool(env, 'GONGSHU_SECURE_COOKIES', production),
    trustProxy: bool(env, 'GONGSHU_TRUST_PROXY', false),
    sweepSeconds: int(env, 'GONGSHU_SWEEP_SECONDS', 60, 0),
    backup: {
      dir: path.resolve(cwd, env.GONGSHU_BACKUP_DIR ?? path.join(env.GONGSHU_DATA_DIR ?? 'data', 'backups')),
      intervalHours: int(env, 'GONGSHU_BACKUP_INTERVAL_HOURS', production ? 24 : 0, 0),
      keep: int(env, 'GONGSHU_BACKUP_KEEP', 7),
    },
    maxUploadBytes: int(env, 'GONGSHU_UPLOAD_MAX_BYTES', 2 * 1024 ** 3),
    publicUrl: env.GONGSHU_PUBLIC_URL ?? `http://${host}:${port}`,
    maskKey,
    accessCacheSeconds: int(env, 'GONGSHU_ACCESS_CACHE_SECONDS', 5, 0),
    openRatePerMinute: int(env, 'GONGSHU_OPEN_RATE_PER_MINUTE', 60),
    openDailyQuota: int(env, 'GONGSHU_OPEN_DAILY_QUOTA', 10_000),
    accessAlerts: Object.freeze({
      sweepMinutes: int(env, 'GONGSHU_ALERT_SWEEP_MINUTES', 10, 0),
      factor: int(env, 'GONGSHU_ALERT_FACTOR', 5, 2),
      floor: int(env, 'GONGSHU_ALERT_FLOOR', 1000),
      firstUseFloor: int(env, 'GONGSHU_ALERT_FIRST_USE_FLOOR', 10_000),
      offHours: offHours(env),
      offHoursFloor: int(env, 'GONGSHU_ALERT_OFF_HOURS_FLOOR', 1000),
      baselineDays: int(env, 'GONGSHU_ALERT_BASELINE_DAYS', 14, 3),
    }),
    fieldEncryption: fieldEncryption(env, production),
  });
}
