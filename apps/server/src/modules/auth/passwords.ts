/** Passwords: argon2id hashes only (product standard), and the password policy. */
import { DomainError, refuse } from '@gongshu/domain';

/** The native argon2 module, loaded at the first sign-in or password change (about 11 MB of memory). */
const argon2 = () => import('@node-rs/argon2');

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. @node-rs/argon2 defaults to argon2id. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2().then(({ hash }) => hash(password, OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    const { verify } = await argon2();
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | null = null;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('gongshu-timing-equaliser');
  return dummyHash;
}

/** At least 10 characters with letters and digits; not the username. */
export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const weak =
    password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password) || password.toLowerCase().includes(username.toLowerCase());
  if (weak) throw new DomainError(refuse('PASSWORD_TOO_WEAK', { field }));
}
