import { gql } from './client';

/**
 * The console discovers which operations the API offers (and their arguments) by introspection, so a screen whose
 * operation is not deployed shows a "not available" notice instead of failing, and starts working as soon as the
 * operation appears — without a console release.
 */
export interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}
export interface FieldInfo {
  name: string;
  args: { name: string; type: TypeRef }[];
  type: TypeRef;
}
export interface TypeInfo {
  kind: string;
  name: string;
  fields: FieldInfo[] | null;
  inputFields: { name: string; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}
export interface SchemaInfo {
  queries: Map<string, FieldInfo>;
  mutations: Map<string, FieldInfo>;
  types: Map<string, TypeInfo>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `query ConsoleIntrospection { __schema {
  queryType { name } mutationType { name }
  types { kind name
    fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } }
    inputFields { name type { ${TYPE_REF} } }
    enumValues { name } } } }`;

let cached: Promise<SchemaInfo> | null = null;

export function loadSchema(refresh = false): Promise<SchemaInfo> {
  if (!cached || refresh) {
    cached = gql<{ __schema: any }>(INTROSPECTION).then(({ __schema }) => {
      const types = new Map<string, TypeInfo>((__schema.types as TypeInfo[]).map((t) => [t.name, t]));
      const fieldsOf = (name?: string) => new Map((types.get(name ?? '')?.fields ?? []).map((f) => [f.name, f]));
      return { types, queries: fieldsOf(__schema.queryType?.name), mutations: fieldsOf(__schema.mutationType?.name) };
    });
    cached.catch(() => (cached = null));
  }
  return cached;
}

/** Forget the schema (after sign-in: the API may have been upgraded meanwhile). */
export function resetSchema(): void {
  cached = null;
}

export function namedType(ref: TypeRef): TypeRef {
  return ref.ofType ? namedType(ref.ofType) : ref;
}

export function printType(ref: TypeRef): string {
  if (ref.kind === 'NON_NULL') return `${printType(ref.ofType!)}!`;
  if (ref.kind === 'LIST') return `[${printType(ref.ofType!)}]`;
  return ref.name!;
}

/**
 * A selection set with every scalar of the type and its nested objects down to `depth` (fields that need
 * arguments are skipped). Enough for the console's screens, which show what the API returns.
 */
/** Whole policy documents are fetched only on purpose (draftPolicyJson), never as a side dish of a result. */
const SKIPPED_FIELDS = new Set(['document', 'documentJson']);

export function selectionFor(schema: SchemaInfo, ref: TypeRef, depth = 3, seen: string[] = []): string {
  const named = namedType(ref);
  const type = schema.types.get(named.name ?? '');
  if (!type || (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE')) return '';
  const parts: string[] = [];
  for (const field of type.fields ?? []) {
    if (field.args.some((a) => a.type.kind === 'NON_NULL') || SKIPPED_FIELDS.has(field.name)) continue;
    const inner = namedType(field.type);
    const innerType = schema.types.get(inner.name ?? '');
    if (!innerType || innerType.kind === 'SCALAR' || innerType.kind === 'ENUM') {
      parts.push(field.name);
    } else if (depth > 0 && !seen.includes(inner.name!)) {
      const sub = selectionFor(schema, field.type, depth - 1, [...seen, named.name!]);
      if (sub) parts.push(`${field.name} ${sub}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}

/**
 * Calls a root operation by name with the given arguments, declaring the variables with the types the schema
 * states and selecting what it returns. Arguments the operation does not take are dropped.
 */
export async function callOperation<T = any>(
  kind: 'query' | 'mutation',
  name: string,
  args: Record<string, unknown> = {},
  options: { depth?: number; selection?: string } = {},
): Promise<T> {
  const schema = await loadSchema();
  const field = (kind === 'query' ? schema.queries : schema.mutations).get(name);
  if (!field) throw new OperationUnavailableError(name);
  const used = field.args.filter((a) => args[a.name] !== undefined);
  const declarations = used.map((a) => `$${a.name}: ${printType(a.type)}`).join(', ');
  const passing = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = options.selection ?? selectionFor(schema, field.type, options.depth ?? 3);
  const text = `${kind} Console_${name}${declarations ? `(${declarations})` : ''} { ${name}${passing ? `(${passing})` : ''} ${selection} }`;
  const variables = Object.fromEntries(used.map((a) => [a.name, args[a.name]]));
  const data = await gql<Record<string, T>>(text, variables);
  return data[name];
}

/** The operation a screen needs is not (yet) offered by this API. */
export class OperationUnavailableError extends Error {
  readonly status = 501;
  constructor(readonly operation: string) {
    // A translation key: react-admin's notifications translate it (the inline notice names the operation).
    super('app.notice.operation_missing');
  }
}

/**
 * The single argument of an operation that takes one input (e.g. `upsertChannel(input: …)`), whatever the API
 * named it; when the input is a typed input object, keeps only the fields it declares.
 */
export async function singleInputArgument(name: string, value: Record<string, unknown>): Promise<Record<string, unknown>> {
  const schema = await loadSchema();
  const field = schema.mutations.get(name);
  if (!field) throw new OperationUnavailableError(name);
  const arg = field.args.find((a) => a.type.kind === 'NON_NULL') ?? field.args[0];
  if (!arg) return {};
  const input = schema.types.get(namedType(arg.type).name ?? '');
  if (input?.kind === 'INPUT_OBJECT' && input.inputFields) {
    const allowed = new Set(input.inputFields.map((f) => f.name));
    return { [arg.name]: Object.fromEntries(Object.entries(value).filter(([k]) => allowed.has(k))) };
  }
  return { [arg.name]: value };
}
