import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A proof-of-work challenge instead of a third-party CAPTCHA: the server signs `<random>.<difficulty>.<expiry>`; the
 * browser finds a nonce so that SHA-256(challenge + ":" + nonce) starts with `difficulty` zero bits (2^difficulty
 * hashes on average: well under a second for a person at 16 bits, a real cost for a script sending thousands).
 */
export const POW_DIFFICULTY = 16;
export const POW_TTL_MS = 10 * 60_000;

export function issueChallenge(key: Buffer, now: number, difficulty = POW_DIFFICULTY): { challenge: string; difficulty: number } {
  const body = `${randomBytes(12).toString('base64url')}.${difficulty}.${now + POW_TTL_MS}`;
  return { challenge: `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`, difficulty };
}

export function leadingZeroBits(hash: Buffer): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether the solution is right, the challenge ours and unexpired (one-time use is the caller's check). */
export function verifySolution(key: Buffer, challenge: string, nonce: string, now: number): boolean {
  const parts = challenge.split('.');
  if (parts.length !== 4 || nonce.length > 64) return false;
  const [random, difficulty, expiry, signature] = parts;
  const body = `${random}.${difficulty}.${expiry}`;
  const expected = createHmac('sha256', key).update(body).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  if (Number(expiry) <= now) return false;
  return leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= Number(difficulty);
}

/** Solves a challenge (tests and non-browser clients; the portal does the same with WebCrypto). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${n}`).digest()) >= difficulty) return String(n);
  }
}
