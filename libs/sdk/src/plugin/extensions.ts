import { PLUGIN_ROLES, type PluginInput } from './types';

/** `my_shop` → `myShop` (GraphQL field prefix); `MyShop` (type name prefix). */
export function camelId(id: string): string {
  return id.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
export function pascalId(id: string): string {
  const camel = camelId(id);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

const MIGRATION_NAME = /\d{13}$/;
const ROOTS = ['Query', 'Mutation'];

/**
 * Checks what the host loads besides policy objects and handlers: GraphQL fields, entities, migrations and the init
 * hook. Nothing a plugin declares may be accepted and then ignored, so anything the host would not load is a problem.
 * (The host also parses `typeDefs` against the resolvers at boot; the SDK does not depend on graphql.)
 */
export function extensionProblems(plugin: PluginInput, add: (path: string, code: string, message: string) => void): void {
  const id = plugin.id;
  if (plugin.graphql !== undefined) {
    const { typeDefs, resolvers } = plugin.graphql ?? ({} as NonNullable<PluginInput['graphql']>);
    if (typeof typeDefs !== 'string' || !typeDefs.trim()) add('graphql.typeDefs', 'INVALID_GRAPHQL', 'typeDefs must be SDL text');
    if (typeof resolvers !== 'object' || resolvers === null) {
      add('graphql.resolvers', 'INVALID_GRAPHQL', 'resolvers must be { Query?, Mutation? }');
    } else {
      for (const [root, fields] of Object.entries(resolvers)) {
        if (!ROOTS.includes(root)) {
          add(
            `graphql.resolvers.${root}`,
            'INVALID_GRAPHQL',
            `only Query and Mutation fields can be added (not ${root}); nested objects are plain data`,
          );
          continue;
        }
        for (const [name, field] of Object.entries(fields ?? {})) {
          const path = `graphql.resolvers.${root}.${name}`;
          if (!name.startsWith(camelId(id)))
            add(path, 'INVALID_GRAPHQL', `field name must start with "${camelId(id)}" so it cannot clash with the API or other plugins`);
          if (typeof field?.resolve !== 'function') add(`${path}.resolve`, 'INVALID_GRAPHQL', 'resolve must be a function of (args, ctx)');
          const roles = Array.isArray(field?.roles) ? field.roles : [];
          if (!roles.length) add(`${path}.roles`, 'INVALID_GRAPHQL', `name the roles that may call it (${PLUGIN_ROLES.join(', ')})`);
          for (const role of roles)
            if (!PLUGIN_ROLES.includes(role)) add(`${path}.roles`, 'INVALID_GRAPHQL', `unknown role "${String(role)}"`);
        }
      }
    }
  }
  const entities = plugin.entities ?? [];
  const names = new Set<string>();
  entities.forEach((entity, i) => {
    const options = (entity as { options?: { name?: unknown; tableName?: unknown; columns?: Record<string, unknown> } })?.options;
    const path = `entities[${typeof options?.name === 'string' ? options.name : i}]`;
    if (!options || typeof options.name !== 'string' || typeof options.columns !== 'object' || options.columns === null) {
      add(path, 'INVALID_ENTITY', 'an entity is a TypeORM EntitySchema ({ options: { name, tableName, columns } })');
      return;
    }
    if (names.has(options.name)) add(path, 'DUPLICATE_KEY', `duplicate entity "${options.name}"`);
    names.add(options.name);
    const table = typeof options.tableName === 'string' ? options.tableName : options.name;
    if (!table.startsWith(`${id}_`))
      add(`${path}.tableName`, 'INVALID_ENTITY', `table name must start with "${id}_" so it cannot clash with the API's tables`);
    if (!('tenantId' in options.columns))
      add(`${path}.columns`, 'INVALID_ENTITY', 'needs a tenantId column: every row belongs to a tenant');
  });
  const migrations = plugin.migrations ?? [];
  migrations.forEach((migration, i) => {
    const path = `migrations[${i}]`;
    const prototype = (migration as { prototype?: { up?: unknown; down?: unknown } })?.prototype;
    if (typeof migration !== 'function' || typeof prototype?.up !== 'function' || typeof prototype?.down !== 'function') {
      add(path, 'INVALID_MIGRATION', 'a migration is a class with up(queryRunner) and down(queryRunner)');
      return;
    }
    if (!MIGRATION_NAME.test(migration.name))
      add(path, 'INVALID_MIGRATION', `class name "${migration.name}" must end with a 13-digit timestamp (TypeORM orders migrations by it)`);
  });
  if (entities.length && !migrations.length) add('migrations', 'INVALID_MIGRATION', 'entities need migrations that create their tables');
  if (plugin.onInit !== undefined && typeof plugin.onInit !== 'function') add('onInit', 'INVALID_HOOK', 'onInit must be a function of ctx');
}
