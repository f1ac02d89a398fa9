/** Random bearer secrets (session tokens, API keys) and their stored hashes. */
import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'gsk_';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** Secrets of 256 random bits need no slow hash: SHA-256 is enough to make a leaked table useless. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
