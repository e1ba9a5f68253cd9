import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLObjectType, parse, validate, type GraphQLSchema } from 'graphql';

/**
 * The console against the API's schema (apps/api/schema.graphql, regenerated with `npm run schema`): every operation
 * the console calls by name must exist, every selection it asks for must be valid on what the operation returns,
 * and every GraphQL document written out in the console must validate. Removing or renaming something the console
 * uses in the API fails here, before a browser ever shows the error (issue 20 "a data layer you can trust").
 */
const SRC = join(__dirname, '..');
const schema: GraphQLSchema = buildSchema(readFileSync(join(__dirname, '../../../api/schema.graphql'), 'utf8'));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const sources = sourceFiles(SRC).map((path) => ({ path: path.slice(SRC.length + 1), text: readFileSync(path, 'utf8') }));

/** `callOperation('query', 'name', …, { selection: '{ … }' })` calls with literal names (and selection when literal). */
function namedCalls() {
  const calls: { file: string; kind: 'query' | 'mutation'; name: string; selection?: string }[] = [];
  const pattern = /callOperation(?:<[^>]*>)?\(\s*'(query|mutation)',\s*'(\w+)'([^;]*?selection:\s*'([^']*)')?/g;
  for (const { path, text } of sources) {
    for (const m of text.matchAll(pattern)) {
      // Only a selection in the same call (no other callOperation in between).
      const selection = m[3] && !m[3].includes('callOperation') ? m[4] : undefined;
      calls.push({ file: path, kind: m[1] as 'query' | 'mutation', name: m[2], selection });
    }
  }
  return calls;
}

/** GraphQL documents written out in the console (string or template literals starting with query/mutation). */
function literalDocuments() {
  const docs: { file: string; text: string }[] = [];
  const pattern = /(['`])((?:query|mutation)\b[^'`]*)\1/g;
  for (const { path, text } of sources) {
    for (const m of text.matchAll(pattern)) {
      if (m[2].includes('${') || !m[2].includes('{')) continue; // built at run time, or prose
      docs.push({ file: path, text: m[2] });
    }
  }
  return docs;
}

/** A document for a named call: every argument of the field declared as a variable of its exact type. */
function documentFor(kind: 'query' | 'mutation', name: string, selection: string): string {
  const root = (kind === 'query' ? schema.getQueryType() : schema.getMutationType()) as GraphQLObjectType;
  const field = root.getFields()[name];
  const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passing = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Check${declarations ? `(${declarations})` : ''} { ${name}${passing ? `(${passing})` : ''} ${selection} }`;
}

describe('console operations against the API schema', () => {
  const calls = namedCalls();
  const docs = literalDocuments();

  it("finds the console's operations (the scan itself works)", () => {
    expect(calls.length).toBeGreaterThan(40);
    expect(calls.some((c) => c.name === 'assignComplaint')).toBe(true);
    expect(docs.length).toBeGreaterThan(5);
  });

  it('calls only operations the schema has', () => {
    const missing = calls.filter((c) => !(c.kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields()[c.name]);
    expect(missing.map((c) => `${c.file}: ${c.kind} ${c.name}`)).toEqual([]);
  });

  it('asks only for fields the operations return', () => {
    const invalid = calls
      .filter((c) => c.selection !== undefined)
      .flatMap((c) => {
        const errors = validate(schema, parse(documentFor(c.kind, c.name, c.selection!)));
        return errors.map((e) => `${c.file}: ${c.name} ${c.selection} — ${e.message}`);
      });
    expect(invalid).toEqual([]);
  });

  it('writes only documents that validate', () => {
    const invalid = docs.flatMap((d) => {
      try {
        return validate(schema, parse(d.text)).map((e) => `${d.file}: ${e.message}`);
      } catch (error) {
        return [`${d.file}: ${(error as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });
});
