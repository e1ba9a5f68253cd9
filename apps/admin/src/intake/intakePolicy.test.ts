import { parsePolicyDocument } from './intakePolicy';

describe('the policy the intake form follows', () => {
  it('reads the published document from its JSON text, or as already parsed', () => {
    const doc = { channels: [{ key: 'phone', name: { zh: '电话' } }], complaintTypes: [], fields: [] };
    expect(parsePolicyDocument(JSON.stringify(doc))).toEqual(doc);
    expect(parsePolicyDocument(doc)).toBe(doc);
  });
});
