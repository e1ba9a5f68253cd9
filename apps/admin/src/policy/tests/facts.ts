/** `{complaint: {channel: 'phone'}}` ⇄ `[['complaint.channel', 'phone']]` (arrays and scalars are leaves). */
export function flattenFacts(facts: Record<string, unknown>, prefix = ''): [string, unknown][] {
  return Object.entries(facts ?? {}).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value && typeof value === 'object' && !Array.isArray(value)
      ? flattenFacts(value as Record<string, unknown>, path)
      : [[path, value] as [string, unknown]];
  });
}

export function setFact(facts: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!rest.length) return { ...facts, [head]: value };
  const child =
    facts[head] && typeof facts[head] === 'object' && !Array.isArray(facts[head]) ? (facts[head] as Record<string, unknown>) : {};
  return { ...facts, [head]: setFact(child, rest.join('.'), value) };
}

export function unsetFact(facts: Record<string, unknown>, path: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (!(head in facts)) return facts;
  const { [head]: child, ...others } = facts;
  if (!rest.length) return others;
  const pruned = unsetFact((child ?? {}) as Record<string, unknown>, rest.join('.'));
  return Object.keys(pruned).length ? { ...others, [head]: pruned } : others;
}

/** Typed value from what the user typed: numbers for number facts, true/false for checkboxes, JSON arrays. */
export function parseFactValue(text: string, inputType?: string): unknown {
  if (inputType === 'number' && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  if (inputType === 'checkbox' || text === 'true' || text === 'false') return text === 'true';
  if (text.startsWith('[')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
