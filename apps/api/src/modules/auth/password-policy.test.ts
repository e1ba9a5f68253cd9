import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy';

const reason = (fn: () => void) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return (error as { reason: string }).reason;
  }
};

describe('password policy', () => {
  it('refuses short, common and personal passwords and accepts a long unusual one', () => {
    expect(reason(() => checkPasswordPolicy('demo1234'))).toBe('PASSWORD_TOO_SHORT');
    expect(reason(() => checkPasswordPolicy('password123'))).toBe('PASSWORD_TOO_COMMON');
    expect(reason(() => checkPasswordPolicy('qwertyuiop'))).toBe('PASSWORD_TOO_COMMON');
    expect(reason(() => checkPasswordPolicy('wangmin2024', ['wangmin@acme.example']))).toBe('PASSWORD_TOO_COMMON');
    expect(reason(() => checkPasswordPolicy('Lantern-Orchid-93-Basin'))).toBe('ok');
  });
});
