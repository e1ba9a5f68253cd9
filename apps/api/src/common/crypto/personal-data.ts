import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/**
 * Personal data at rest: AES-256-GCM with a random IV per value (`enc:v1:<iv>.<tag>.<ciphertext>`, base64url),
 * plus a keyed HMAC beside it for exact-match lookups (repeat complainant) without decrypting.
 * Both keys derive from the configured ENCRYPTION_KEY by HKDF, so one secret serves both purposes safely.
 */
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKeyBase64: string) {
    const master = Buffer.from(masterKeyBase64, 'base64');
    if (master.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes (base64)');
    this.encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'redress/personal-data/aes', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'redress/personal-data/hmac', 32));
  }

  encrypt(plain: string): string;
  encrypt(plain: string | null | undefined): string | null;
  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined || plain === '') return plain === '' ? '' : null;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
  }

  decrypt(value: string | null | undefined): string | null {
    if (value === null || value === undefined) return null;
    if (!value.startsWith(PREFIX)) return value;
    const [iv, tag, data] = value.slice(PREFIX.length).split('.');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Keyed hash of a normalised value, for equality lookups. */
  blindIndex(value: string | null | undefined): string | null {
    if (!value) return null;
    const normalised = value.normalize('NFKC').replace(/[\s-]/g, '').toLowerCase();
    return createHmac('sha256', this.macKey).update(normalised).digest('hex');
  }

  static isEncrypted(value: unknown): boolean {
    return typeof value === 'string' && value.startsWith(PREFIX);
  }
}

export type PersonalKind = 'name' | 'phone' | 'email' | 'id_number' | 'text';

/** Masks for roles that may not see personal data: 138****5678, 张*, z***@example.com, 1101**********1234. */
export function mask(value: string | null | undefined, kind: PersonalKind): string | null {
  if (value === null || value === undefined || value === '') return value ?? null;
  const chars = [...value];
  switch (kind) {
    case 'phone': {
      const digits = value.replace(/\s/g, '');
      if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
      return '*'.repeat(digits.length);
    }
    case 'email': {
      const [user, domain] = value.split('@');
      if (!domain) return `${chars[0]}***`;
      return `${[...user][0] ?? ''}***@${domain}`;
    }
    case 'id_number':
      return value.length > 8 ? `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}` : '*'.repeat(value.length);
    case 'name':
      return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
    default:
      return chars.length <= 2 ? '**' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 6))}${chars[chars.length - 1]}`;
  }
}
