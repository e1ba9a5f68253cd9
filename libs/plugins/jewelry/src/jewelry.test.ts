import { decideWithPlugin, pluginProblems, pluginToPolicyPatch, runPluginRuleTests } from '@redress/sdk';
import { jewelryPlugin } from './index';

const quality = (form: Record<string, unknown>, text = '主石松动') => ({
  complaint: { type: 'jewelry_quality', channel: 'visit', text, form },
});

describe('jewelry plugin', () => {
  it('validates and its own rule tests pass', () => {
    expect(pluginProblems(jewelryPlugin)).toEqual([]);
    expect(runPluginRuleTests(jewelryPlugin)).toEqual([]);
    expect(jewelryPlugin.demoComplaints.length).toBeGreaterThanOrEqual(10);
  });

  it('requires approval for a return or exchange above the approval limit', () => {
    expect(decideWithPlugin(jewelryPlugin, quality({ requested_handling: 'return', purchase_price: 5000 })).severity).toBe('normal');
    expect(decideWithPlugin(jewelryPlugin, quality({ requested_handling: 'return', purchase_price: 5001 })).severity).toBe(
      'approval_required',
    );
    expect(decideWithPlugin(jewelryPlugin, quality({ requested_handling: 'repair', purchase_price: 50000 })).severity).toBe('normal');
    const level = jewelryPlugin.severityLevels.find((s) => s.key === 'approval_required')!;
    expect(level.requiresApproval).toBe(true);
  });

  it('lets the admin change the approval limit', () => {
    const presetArgs = { 'jewelry.severity': { approvalLimit: 20000 } };
    expect(decideWithPlugin(jewelryPlugin, quality({ requested_handling: 'return', purchase_price: 18800 }), { presetArgs }).severity).toBe(
      'normal',
    );
    expect(
      decideWithPlugin(jewelryPlugin, quality({ requested_handling: 'return', purchase_price: 26000 }), { presetArgs }).slaPolicy,
    ).toBe('jewelry_special');
  });

  it('treats threats of the consumer association or media as a public crisis', () => {
    expect(decideWithPlugin(jewelryPlugin, quality({ requested_handling: 'apology' }, '怀疑买到假货，要去消协投诉')).severity).toBe(
      'major',
    );
  });

  it('separates quality anomalies from staff service, and franchise from direct stores', () => {
    expect(decideWithPlugin(jewelryPlugin, quality({})).routing?.department).toBe('jewelry_quality_control');
    const service = (mode: string) =>
      decideWithPlugin(jewelryPlugin, {
        complaint: { type: 'jewelry_service', channel: 'visit', text: '态度差', form: { store_mode: mode } },
      }).routing?.department;
    expect(service('direct')).toBe('jewelry_operations');
    expect(service('franchise')).toBe('jewelry_franchise');
  });

  it('keeps the internal approval form confidential', () => {
    const patch = pluginToPolicyPatch(jewelryPlugin);
    const form = patch.templates.find((t) => t.key === 'jewelry_return_approval')!;
    expect(form.internal).toBe(true);
    expect(form.body).toContain('公司机密');
    expect(patch.templates.find((t) => t.key === 'jewelry_quality_script')!.internal).toBeUndefined();
  });
});
