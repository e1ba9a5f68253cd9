import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import type { GraphQLLimits } from '../../../config/config';
import { AppError } from '../../../common/errors/app-error';
import { OpsErrors } from '../ops.exception';

/** What a paginated field returns when `first` is left out (the resolvers' default). */
export const DEFAULT_PAGE_SIZE = 20;

/** GraphQL Armor reports "… limit of N exceeded, found M."; the count goes into our coded error. */
const foundIn = (error: GraphQLError) => Number(/found (\d+)/.exec(error.message)?.[1] ?? 0);

/**
 * Depth and alias limits as validation rules (GraphQL Armor), so an abusive document is refused before a single
 * resolver runs. Armor's own error is replaced by our coded one; introspection queries are not depth-counted.
 */
export function limitValidationRules(limits: Pick<GraphQLLimits, 'maxDepth' | 'maxAliases'>): ValidationRule[] {
  const report =
    (code: 'QUERY_TOO_DEEP' | 'QUERY_TOO_MANY_ALIASES', max: number) => (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(OpsErrors.create(code, { params: { found: foundIn(error), max } }));
  return [
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [report('QUERY_TOO_MANY_ALIASES', limits.maxAliases)],
    }) as ValidationRule,
    maxDepthRule({
      n: limits.maxDepth,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report('QUERY_TOO_DEEP', limits.maxDepth)],
    }) as ValidationRule,
  ];
}

/**
 * Cost = fields resolved: each field 1, a field with a `first` argument multiplies its selection by the page size
 * asked for (or the default). A `first` above the maximum is refused here, with the field named, instead of being
 * clamped silently.
 */
function paginationEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity, node }) => {
    const argument = field.args.find((a) => a.name === 'first');
    if (!argument) return undefined;
    const first =
      typeof args.first === 'number' ? args.first : typeof argument.defaultValue === 'number' ? argument.defaultValue : DEFAULT_PAGE_SIZE;
    if (first > maxPageSize) {
      throw OpsErrors.create('PAGE_TOO_LARGE', {
        field: `${node.alias?.value ?? node.name.value}.first`,
        params: { found: first, max: maxPageSize },
        httpStatus: 400,
      });
    }
    return 1 + childComplexity * Math.max(1, first);
  };
}

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
}

/**
 * Refuses an operation whose estimated cost or page size is over the limits (throws the coded error). Needs the
 * variables, so it runs once the operation is resolved, still before execution. Variable errors are left to the
 * execution, which reports them with their field.
 */
export function assertAffordable(input: CostInput, limits: Pick<GraphQLLimits, 'maxCost' | 'maxPageSize'>): number {
  const cost = cachedCost(input, limits.maxPageSize);
  if (cost > limits.maxCost) throw OpsErrors.create('QUERY_TOO_COSTLY', { params: { found: cost, max: limits.maxCost }, httpStatus: 400 });
  return cost;
}

function complexity(input: CostInput, maxPageSize: number): number {
  try {
    return getComplexity({
      schema: input.schema,
      query: input.document,
      operationName: input.operationName ?? undefined,
      variables: input.variables ?? {},
      estimators: [paginationEstimator(maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    return 0;
  }
}

/** Costs kept per document: past this many variants (operation, page sizes asked) the document's entry starts over. */
const COSTS_PER_DOCUMENT = 64;

interface DocumentCosts {
  schema: GraphQLSchema;
  maxPageSize: number;
  /** The variables a `first` argument takes its value from: the only ones the cost depends on. */
  pageVariables: string[];
  costs: Map<string, number>;
}

/**
 * The cost walk (a visit of the whole document against the schema) once per document, not per request: Apollo's
 * document store hands the same parsed document to every request with the same text, so it keys a WeakMap. The
 * cost depends on the variables only through `first` arguments, so only those variables are part of the key — an
 * intake mutation with new variables every time costs one map lookup. A refusal (PAGE_TOO_LARGE) is not kept: it
 * is worked out again, and thrown again, each time.
 */
const documentCosts = new WeakMap<DocumentNode, DocumentCosts>();

function cachedCost(input: CostInput, maxPageSize: number): number {
  let entry = documentCosts.get(input.document);
  if (!entry || entry.schema !== input.schema || entry.maxPageSize !== maxPageSize) {
    entry = { schema: input.schema, maxPageSize, pageVariables: pageVariables(input.document), costs: new Map() };
    documentCosts.set(input.document, entry);
  }
  const variables = input.variables ?? {};
  const key = JSON.stringify([input.operationName ?? null, ...entry.pageVariables.map((name) => variables[name] ?? null)]);
  const known = entry.costs.get(key);
  if (known !== undefined) return known;
  const cost = complexity(input, maxPageSize);
  if (entry.costs.size >= COSTS_PER_DOCUMENT) entry.costs.clear();
  entry.costs.set(key, cost);
  return cost;
}

/** Names of the variables used as the value of a `first` argument anywhere in the document. */
function pageVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    [Kind.ARGUMENT](node) {
      if (node.name.value === 'first' && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

const introspective = new WeakMap<DocumentNode, boolean>();

/** Whether the document asks for the schema (`__schema` / `__type`; `__typename` is ordinary). */
export function isIntrospection(document: DocumentNode): boolean {
  const known = introspective.get(document);
  if (known !== undefined) return known;
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  introspective.set(document, found);
  return found;
}
