import { NotRepresentable, sameLogic, toJsonLogic, toQuery } from './jsonLogicQuery';

describe('conditions between the visual builder and JSON-logic', () => {
  it('reads and writes the JSON-logic of a routing rule without changing its meaning', () => {
    const logic = { and: [{ '==': [{ var: 'complaint.channel' }, 'phone'] }, { '>=': [{ var: 'customer.complaintsLast30Days' }, 3] }] };
    const query = toQuery(logic, []);
    expect(query.rules).toHaveLength(2);
    expect(sameLogic(toJsonLogic(query, []), logic)).toBe(true);
  });

  it('writes a registered plugin operator as {"op": [{"var": field}, value]} and reads it back', () => {
    const logic = { contains_any: [{ var: 'complaint.text' }, ['投诉', '曝光']] };
    const query = toQuery(logic, ['contains_any']);
    expect(query.rules[0]).toMatchObject({ field: 'complaint.text', operator: 'contains_any' });
    expect(sameLogic(toJsonLogic(query, ['contains_any']), logic)).toBe(true);
  });

  it('treats an empty condition as always true', () => {
    expect(toJsonLogic({ combinator: 'and', rules: [] }, [])).toBe(true);
    expect(toQuery(true, []).rules).toEqual([]);
    expect(toQuery('', []).rules).toEqual([]);
  });

  it('refuses to show visually what it would rewrite (stays in raw JSON)', () => {
    expect(() => toQuery({ if: [{ var: 'a' }, true, false] }, [])).toThrow(NotRepresentable);
  });
});
