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
    const tampered = encrypted.slice(0, -2) + (encrypted.endsWith('A') ? 'BB' : 'AA');
    expect(() => cipher.decrypt(tampered)).toThrow();
  });

  it('masks by kind', () => {
    expect(mask('13812345678', 'phone')).toBe('138****5678');
    expect(mask('张三丰', 'name')).toBe('张**');
    expect(mask('li.si@example.com', 'email')).toBe('l***@example.com');
    expect(mask('110101199003071234', 'id_number')).toBe('1101**********1234');
  });
});
