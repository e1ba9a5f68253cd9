import { randomBytes } from 'node:crypto';
import { PersonalDataCipher, mask } from './personal-data';

describe('personal data cipher', () => {
  const cipher = new PersonalDataCipher(randomBytes(32).toString('base64'));

  it('round-trips Chinese and ASCII values and never stores the plain text', () => {
    for (const value of ['张三', '13812345678', 'li.si@example.com', '110101199003071234']) {
      const encrypted = cipher.encrypt(value);
      expect(encrypted).not.toContain(value);
      expect(PersonalDataCipher.isEncrypted(encrypted)).toBe(true);
      expect(cipher.decrypt(encrypted)).toBe(value);
    }
  });

  it('uses a fresh IV each time but a stable blind index', () => {
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
    expect(cipher.blindIndex('138 1234 5678')).toBe(cipher.blindIndex('13812345678'));
    expect(cipher.blindIndex('13812345678')).not.toBe(cipher.blindIndex('13812345679'));
  });

  it('rejects tampered ciphertext', () => {
    const encrypted = cipher.encrypt('13812345678');
    // Flip one bit of the ciphertext itself: rewriting trailing base64 characters can change only unused padding bits.
    const parts = encrypted.split('.');
    const data = Buffer.from(parts[parts.length - 1], 'base64url');
    data[0] ^= 0x01;
    const tampered = [...parts.slice(0, -1), data.toString('base64url')].join('.');
    expect(() => cipher.decrypt(tampered)).toThrow();
  });

  it('masks by kind', () => {
    expect(mask('13812345678', 'phone')).toBe('138****5678');
    expect(mask('张三丰', 'name')).toBe('张**');
    expect(mask('li.si@example.com', 'email')).toBe('l***@example.com');
    expect(mask('110101199003071234', 'id_number')).toBe('1101**********1234');
  });
});
