/**
 * Encryption at rest of field values (R29.1): AES-256-GCM, or SM4 (国密, GB/T 32907) in CTR mode
 * with HMAC-SM3 over version, cipher, key id, IV and ciphertext (encrypt-then-MAC; Node's OpenSSL
 * has no SM4-GCM). Either way authenticated and bound to a context (resource and field), so a value
 * cannot be moved to another field or resource unnoticed.
 *
 * A value is self-describing text: `v1.<cipher>.<keyId>.<iv>.<ct>.<tag>` (base64url parts), so a
 * key rotation can read values written under older key ids and ciphers. Keys come from the
 * configuration only (config.ts); the blind index (HMAC-SM3 or HMAC-SHA-256 with its own key)
 * makes equality lookups of encrypted identifiers possible without decrypting.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config.js';

export type FieldCipherName = 'sm4' | 'aes-256-gcm';
/** The cipher's short name inside a value. */
const TAG_OF: Record<FieldCipherName, string> = { sm4: 'sm4', 'aes-256-gcm': 'aes' };
const VERSION = 'v1';
const PREFIX = `${VERSION}.`;

export class FieldCipherError extends Error {
  override name = 'FieldCipherError';
}

export interface FieldCipher {
  /** The cipher for new writes. */
  readonly cipher: FieldCipherName;
  /** The key id for new writes. */
  readonly activeKeyId: string;
  /** The `v1.<cipher>.<keyId>.` start of a value written now (rotation finds values without it). */
  readonly activePrefix: string;
  readonly keyIds: readonly string[];
  encrypt(plain: string, context: string): string;
  /** Decrypts a value written under any configured key id and either cipher; throws on tampering. */
  decrypt(value: string, context: string): string;
  /** The hash of the blind index (its key comes from the configuration too). */
  readonly blindIndexHash: 'sm3' | 'sha256';
  /** The keyed hash of a (validated, normalized) value: equal values, equal index; hex. */
  blindIndex(plain: string): string;
}

const b64 = (b: Buffer) => b.toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url');

/** SM4 needs a 128-bit encryption key and a MAC key: both derived from the configured 256-bit key. */
function sm4Keys(key: Buffer): { enc: Buffer; mac: Buffer } {
  return {
    enc: createHmac('sm3', key).update('gongshu/field/sm4/enc').digest().subarray(0, 16),
    mac: createHmac('sm3', key).update('gongshu/field/sm4/mac').digest(),
  };
}

export interface FieldKeys {
  readonly cipher: FieldCipherName;
  /** Key id → 32-byte key. */
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly activeKeyId: string;
  readonly blindIndexKey: Buffer;
  readonly blindIndexHash: 'sm3' | 'sha256';
}

export function createFieldCipher(k: FieldKeys): FieldCipher {
  const active = k.keys.get(k.activeKeyId);
  if (!active) throw new FieldCipherError(`the active data key ${k.activeKeyId} is not configured`);
  const derived = new Map<string, { enc: Buffer; mac: Buffer }>();
  const sm4Of = (id: string, key: Buffer) => {
    let d = derived.get(id);
    if (!d) derived.set(id, (d = sm4Keys(key)));
    return d;
  };
  const keyOf = (id: string): Buffer => {
    const key = k.keys.get(id);
    if (!key)
      throw new FieldCipherError(
        `data key ${id} is not configured (it must stay configured until a rotation has moved every value off it)`,
      );
    return key;
  };

  function encryptWith(cipher: FieldCipherName, keyId: string, plain: string, context: string): string {
    const key = keyOf(keyId);
    const head = `${VERSION}.${TAG_OF[cipher]}.${keyId}`;
    if (cipher === 'aes-256-gcm') {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(`${head}|${context}`));
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `${head}.${b64(iv)}.${b64(ct)}.${b64(c.getAuthTag())}`;
    }
    const { enc, mac } = sm4Of(keyId, key);
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-ctr', enc, iv);
    const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
    const tag = createHmac('sm3', mac).update(`${head}|${context}|`).update(iv).update(ct).digest();
    return `${head}.${b64(iv)}.${b64(ct)}.${b64(tag)}`;
  }

  return {
    cipher: k.cipher,
    activeKeyId: k.activeKeyId,
    activePrefix: `${VERSION}.${TAG_OF[k.cipher]}.${k.activeKeyId}.`,
    keyIds: [...k.keys.keys()],
    encrypt: (plain, context) => encryptWith(k.cipher, k.activeKeyId, plain, context),
    decrypt(value, context) {
      const parts = value.split('.');
      if (parts.length !== 6 || parts[0] !== VERSION) throw new FieldCipherError('not an encrypted value of a known version');
      const [version, tag, keyId, ivText, ctText, macText] = parts as [string, string, string, string, string, string];
      const key = keyOf(keyId);
      const head = `${version}.${tag}.${keyId}`;
      const iv = unb64(ivText);
      const ct = unb64(ctText);
      const mac = unb64(macText);
      if (tag === 'aes') {
        if (iv.length !== 12 || mac.length !== 16) throw new FieldCipherError('malformed AES-256-GCM value');
        const d = createDecipheriv('aes-256-gcm', key, iv);
        d.setAAD(Buffer.from(`${head}|${context}`));
        d.setAuthTag(mac);
        try {
          return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
        } catch {
          throw new FieldCipherError('the encrypted value failed its integrity check');
        }
      }
      if (tag === 'sm4') {
        if (iv.length !== 16) throw new FieldCipherError('malformed SM4 value');
        const keys = sm4Of(keyId, key);
        const expected = createHmac('sm3', keys.mac).update(`${head}|${context}|`).update(iv).update(ct).digest();
        // Constant-time comparison of the tag, before anything is decrypted.
        if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
          throw new FieldCipherError('the encrypted value failed its integrity check');
        }
        const d = createDecipheriv('sm4-ctr', keys.enc, iv);
        return Buffer.concat([d.update(ct), d.final()]).toString('utf8');
      }
      throw new FieldCipherError(`unknown cipher ${tag}`);
    },
    blindIndexHash: k.blindIndexHash,
    blindIndex: (plain) => createHmac(k.blindIndexHash, k.blindIndexKey).update(plain, 'utf8').digest('hex'),
  };
}

/** Whether a stored value looks like one of ours (a clear value never starts with `v1.` and has 6 parts). */
export function isEncryptedValue(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX) && value.split('.').length === 6;
}

/** The key id inside a stored value. */
export function keyIdOf(value: string): string | null {
  return isEncryptedValue(value) ? (value.split('.')[2] ?? null) : null;
}

/** The field cipher of the configuration (keys parsed and checked by config.ts). */
export function fieldCipherOf(config: Pick<Config, 'fieldEncryption'>): FieldCipher {
  const e = config.fieldEncryption;
  return createFieldCipher({
    cipher: e.cipher,
    keys: new Map(e.dataKeys.map((d) => [d.id, Buffer.from(d.key, 'base64')])),
    activeKeyId: e.activeKeyId,
    blindIndexKey: Buffer.from(e.blindIndexKey, 'base64'),
    blindIndexHash: e.blindIndexHash,
  });
}
