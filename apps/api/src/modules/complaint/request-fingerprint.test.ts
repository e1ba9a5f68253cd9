import { requestFingerprint } from './request-fingerprint';
import type { SubmitComplaintInput } from './dtos/complaint.inputs';

const blind = (value: string | null | undefined) => (value ? `h(${value.replace(/\s/g, '')})` : null);
const base = {
  channel: 'app',
  type: 'environment',
  text: '卫生间无法使用',
  form: { store: 'sh_xuhui', note: 'a' },
  complainant: { name: '李四', phone: '13900001111' },
  idempotencyKey: 'k1',
} as SubmitComplaintInput;

describe('requestFingerprint', () => {
  it('is the same for the same request, whatever the member order, key or absent-versus-null', () => {
    const same = {
      complainant: { phone: '13900001111', name: '李四' },
      form: { note: 'a', store: 'sh_xuhui' },
      text: base.text,
      type: base.type,
      channel: base.channel,
      title: null,
      idempotencyKey: 'k2',
    };
    expect(requestFingerprint(same as unknown as SubmitComplaintInput, blind)).toBe(requestFingerprint(base, blind));
    expect(requestFingerprint(base, blind)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when anything asked for differs', () => {
    const print = requestFingerprint(base, blind);
    for (const change of [
      { text: '另一件事' },
      { form: { store: 'bj' } },
      { complainant: { name: '王五', phone: '13900001111' } },
      { attachments: ['a.jpg'] },
      { occurredAt: new Date('2026-01-01T00:00:00Z') },
    ]) {
      expect(requestFingerprint({ ...base, ...change } as SubmitComplaintInput, blind)).not.toBe(print);
    }
  });

  it('holds no personal value in clear: the complainant enters through the blind index', () => {
    const seen: string[] = [];
    requestFingerprint(base, (value) => {
      if (value) seen.push(value);
      return blind(value);
    });
    expect(seen.sort()).toEqual(['13900001111', '李四']);
  });
});
