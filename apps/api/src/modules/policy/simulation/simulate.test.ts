import type { PolicyDocument } from '@redress/sdk';
import { CompiledPolicy } from '../engine/compiled-policy';
import { simulate } from './simulate';
import { DEMO_POLICY } from '../demo/demo-policy';

const context = { now: new Date('2026-03-02T02:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('simulate', () => {
  it('counts the complaints whose decisions change and the load per department', () => {
    const draft: PolicyDocument = structuredClone(DEMO_POLICY);
    // Billing disputes move to customer service; product complaints get the standard SLA.
    draft.rules.routing.rows.find((r) => r.key === 'route-billing')!.then = { department: 'customer_service' };
    draft.rules.sla.rows = draft.rules.sla.rows.filter((r) => r.key !== 'sla-product');
    const samples = [
      { id: 'a', facts: { complaint: { type: 'billing', channel: 'email', text: '多收费' } } },
      { id: 'b', facts: { complaint: { type: 'product.defect', channel: 'app', text: '漏水' } } },
      { id: 'c', facts: { complaint: { type: 'service.attitude', channel: 'phone', text: '态度差' } } },
      { id: 'd', facts: { complaint: { type: 'suggestion', channel: 'web', text: '建议' } } },
    ];
    const result = simulate(new CompiledPolicy(1, DEMO_POLICY), new CompiledPolicy(0, draft), samples, context);
    expect(result).toMatchObject({
      total: 4,
      changedAny: 2,
      validityChanged: 0,
      severityChanged: 0,
      departmentChanged: 1,
      slaPolicyChanged: 1,
    });
    expect(result.departmentLoad).toEqual([
      { department: 'customer_service', before: 1, after: 2 },
      { department: 'finance', before: 1, after: 0 },
      { department: 'quality', before: 1, after: 1 },
    ]);
    expect(result.differences).toEqual([
      {
        index: 0,
        id: 'a',
        changed: ['department'],
        before: expect.objectContaining({ department: 'finance' }),
        after: expect.objectContaining({ department: 'customer_service' }),
      },
      {
        index: 1,
        id: 'b',
        changed: ['slaPolicy'],
        before: expect.objectContaining({ slaPolicy: 'special' }),
        after: expect.objectContaining({ slaPolicy: 'standard' }),
      },
    ]);
    const page = simulate(new CompiledPolicy(1, DEMO_POLICY), new CompiledPolicy(0, draft), samples, context, { offset: 1, limit: 5 });
    expect(page.differences.map((d) => d.id)).toEqual(['b']);
  });
});
