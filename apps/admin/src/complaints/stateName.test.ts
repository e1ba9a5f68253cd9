import { defaultWorkflow } from '../../../../libs/sdk/src/policy/workflow';
import { stateName } from './display';

/** The console's own names of built-in states (app.enum.*), as translate() answers them. */
const ENUM: Record<string, string> = { in_progress: '处理中', reopened: '重新处理' };
const translate = (key: string, options?: any) => ENUM[key.replace('app.enum.', '')] ?? options?._ ?? key;

describe('a complaint state by name', () => {
  const legal = { ...defaultWorkflow(), key: 'large_claims', name: { zh: '大额索赔' } };
  legal.states = [...legal.states, { key: 'legal_review', name: { zh: '法务审核', en: 'Legal review' }, category: 'waiting' }];
  const policy = {
    workflows: [legal],
    complaintTypes: [{ key: 'service', workflow: 'large_claims' }, { key: 'service.attitude', parentKey: 'service' }, { key: 'billing' }],
  };

  it('names a designed state from the workflow the type follows (inherited from the parent type)', () => {
    expect(stateName(policy, 'legal_review', 'service.attitude', 'zh-CN', translate)).toBe('法务审核');
    expect(stateName(policy, 'legal_review', 'service.attitude', 'en', translate)).toBe('Legal review');
  });

  it("uses the policy's own names for built-in states of its workflows, the console's names otherwise", () => {
    expect(stateName(policy, 'reopened', 'service', 'zh-CN', translate)).toBe('重新打开');
    // billing follows the built-in default, which the policy does not define: the console's name.
    expect(stateName(policy, 'reopened', 'billing', 'zh-CN', translate)).toBe('重新处理');
    // A designed state of another workflow still gets its name rather than its key.
    expect(stateName(policy, 'legal_review', 'billing', 'zh-CN', translate)).toBe('法务审核');
    expect(stateName(null, 'in_progress', 'billing', 'zh-CN', translate)).toBe('处理中');
    expect(stateName(null, 'somewhere', 'billing', 'zh-CN', translate)).toBe('somewhere');
  });
});
