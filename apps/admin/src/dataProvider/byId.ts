import { gql } from '../graphql/client';

/**
 * The API caps aliases per request (REDRESS_GQL_MAX_ALIASES, 15 by default: graphql-armor refuses more), so a field
 * asked once per row goes in batches below that cap, sent together.
 */
const ALIASES_PER_REQUEST = 10;

/**
 * One root field per id, e.g. `complaint(id: $c0) { number }` for each complaint of an inbox: `field` names the call
 * with the id's variable (`(v) => \`complaint(id: ${v}) { id number }\``). Returns the answers by id.
 */
export async function fieldPerId<T>(operation: string, field: (variable: string) => string, ids: string[]): Promise<Map<string, T>> {
  const unique = [...new Set(ids)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += ALIASES_PER_REQUEST) batches.push(unique.slice(i, i + ALIASES_PER_REQUEST));
  const answers = await Promise.all(
    batches.map(async (batch) => {
      const declarations = batch.map((_, i) => `$c${i}: ID!`).join(', ');
      const fields = batch.map((_, i) => `c${i}: ${field(`$c${i}`)}`).join(' ');
      const data = await gql<Record<string, T>>(
        `query ${operation}(${declarations}) { ${fields} }`,
        Object.fromEntries(batch.map((id, i) => [`c${i}`, id])),
      );
      return batch.map((id, i) => [id, data[`c${i}`]] as const);
    }),
  );
  return new Map(answers.flat());
}
