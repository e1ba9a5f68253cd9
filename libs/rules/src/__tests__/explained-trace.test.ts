import { defaultEngine, explainableTrace, normalizeText } from '../index';

describe('explainableTrace', () => {
  it('names the keywords that matched and keeps no long text', () => {
    const text = '店员态度恶劣，我要找媒体曝光，还要去12315投诉他们，这件事情必须给我一个说法，否则我还会继续投诉下去';
    const result = defaultEngine.evaluate(
      { and: [{ contains_any: [{ var: 'complaint.text' }, ['记者', '媒体', '曝光', '律师', '１２３１５']] }, true] },
      { complaint: { text } },
      { trace: true },
    );
    const explained = explainableTrace(result.trace!, normalizeText);
    const keywordTest = explained.args![0];
    expect(keywordTest.op).toBe('contains_any');
    // Case- and width-insensitive like the operator: the full-width １２３１５ matches the text's 12315.
    expect(keywordTest.matched).toEqual(['媒体', '曝光', '１２３１５']);
    expect(keywordTest.args![0]).toMatchObject({ op: 'var', textLength: text.length });
    expect(JSON.stringify(explained)).not.toContain('店员态度恶劣');
  });

  it("never keeps the complainant's own words, however short", () => {
    const result = defaultEngine.evaluate(
      { contains_any: [{ var: 'complaint.text' }, ['曝光']] },
      { complaint: { text: '我要曝光' } },
      { trace: true },
    );
    const explained = explainableTrace(result.trace!, normalizeText);
    expect(explained.matched).toEqual(['曝光']);
    expect(explained.args![0]).toEqual({ op: 'var', textLength: 4, args: [{ op: 'value', value: 'complaint.text' }] });
  });

  it('keeps short values and comparisons as evaluated', () => {
    const result = defaultEngine.evaluate(
      { '>=': [{ var: 'customer.complaintsLast30Days' }, 2] },
      { customer: { complaintsLast30Days: 3 } },
      { trace: true },
    );
    const explained = explainableTrace(result.trace!, normalizeText);
    expect(explained).toMatchObject({ op: '>=', value: true, args: [{ op: 'var', value: 3 }, { value: 2 }] });
    expect(explained.matched).toBeUndefined();
  });
});
