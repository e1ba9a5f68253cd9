import { withoutBlanks } from './policyDraft';

describe('saving a policy item from a form', () => {
  it('leaves out optional texts the user did not fill, keeps what they did and explicit nulls', () => {
    expect(
      withoutBlanks({
        key: 'card_last4',
        label: { zh: '银行卡后四位', en: '' },
        help: {},
        validation: { pattern: '' },
        visibleWhen: null,
        options: [],
      }),
    ).toEqual({ key: 'card_last4', label: { zh: '银行卡后四位' }, visibleWhen: null, options: [] });
  });
});
