import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** A valid argon2 hash of a random password: verifying against it costs the same as a real user (no timing oracle). */
let dummyHash: Promise<string> | undefined;

/** False for an invited person with no password yet (''), after the same work as a real check. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  const ok = await verify(passwordHash || (await dummyHash), password).catch(() => false);
  return ok && passwordHash !== '';
}
