import { Kind, parse, type DefinitionNode } from 'graphql';
import { pascalId, type PluginInput } from '@redress/sdk';

export const GRAPHQL_ROOTS = ['Query', 'Mutation'] as const;
const ROOTS = GRAPHQL_ROOTS;
const NAMED_TYPES = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.UNION_TYPE_DEFINITION,
]);

/** `Query.restaurantReservations`-style names of the root fields a plugin's SDL adds, or the SDL's problems. */
function sdlFields(plugin: PluginInput): { fields: Set<string>; problems: string[] } {
  const fields = new Set<string>();
  const problems: string[] = [];
  let definitions: readonly DefinitionNode[];
  try {
    definitions = parse(plugin.graphql!.typeDefs).definitions;
  } catch (error) {
    return { fields, problems: [`graphql.typeDefs do not parse: ${(error as Error).message}`] };
  }
  for (const definition of definitions) {
    const name = 'name' in definition && definition.name ? definition.name.value : '?';
    if (definition.kind === Kind.OBJECT_TYPE_EXTENSION && (ROOTS as readonly string[]).includes(name)) {
      for (const field of definition.fields ?? []) fields.add(`${name}.${field.name.value}`);
    } else if (NAMED_TYPES.has(definition.kind) && !(ROOTS as readonly string[]).includes(name)) {
      if (!name.startsWith(pascalId(plugin.id)))
        problems.push(`graphql type ${name} must start with "${pascalId(plugin.id)}" so it cannot clash with the API's types`);
    } else {
      problems.push(
        `graphql.typeDefs may define the plugin's own types and extend Query and Mutation only (found ${definition.kind} ${name})`,
      );
    }
  }
  return { fields, problems };
}

/**
 * What the SDK cannot check without graphql: the SDL parses, defines only the plugin's own types and extends only
 * Query and Mutation, and its root fields and the resolvers match one to one (nothing declared is left unserved).
 */
export function pluginGraphQLProblems(plugin: PluginInput): string[] {
  if (!plugin.graphql || typeof plugin.graphql.typeDefs !== 'string') return [];
  const { fields, problems } = sdlFields(plugin);
  const resolved = new Set(ROOTS.flatMap((root) => Object.keys(plugin.graphql!.resolvers?.[root] ?? {}).map((name) => `${root}.${name}`)));
  for (const field of fields) if (!resolved.has(field)) problems.push(`graphql field ${field} has no resolver`);
  for (const field of resolved)
    if (!fields.has(field)) problems.push(`graphql resolver ${field} has no field in typeDefs (extend type ${field.split('.')[0]})`);
  return problems.map((p) => `plugin ${plugin.id}: ${p}`);
}
