import { choicesFromComplaints, formKeysFromProblems } from './intakePolicy';

describe('the basic intake form (a role that may not read the policy)', () => {
  it('offers the types seen on readable complaints once each, and the standard channels plus any other seen', () => {
    const { types, channels } = choicesFromComplaints([
      { type: 'billing', typeName: '收费争议', channel: 'phone' },
      { type: 'billing', typeName: '收费争议', channel: 'wechat' },
      { type: 'product.defect', typeName: '质量缺陷', channel: 'web' },
    ]);
    expect(types).toEqual([{ key: 'billing', name: '收费争议' }, { key: 'product.defect', name: '质量缺陷' }]);
    expect(channels.map((c) => c.key)).toContain('phone');
    expect(channels.map((c) => c.key)).toContain('wechat');
    expect(channels.filter((c) => c.key === 'phone')).toHaveLength(1);
  });

  it('asks for the form fields the API said are missing or wrong', () => {
    expect(formKeysFromProblems({ 'form.card_last4': 'Card is required', 'complainant.phone': 'Give a contact' })).toEqual(['card_last4']);
  });
});
