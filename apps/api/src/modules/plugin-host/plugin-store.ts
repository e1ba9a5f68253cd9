import type { DataSource, EntityManager, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { PluginStore, PluginWhere, RedressPlugin } from '@redress/sdk';
import { PluginHostErrors } from './plugin-host.exception';

const MAX_TAKE = 1000;

/**
 * A plugin's own tables for one tenant. The plugin names an entity it declared; the tenant is laid over every filter
 * and every inserted row (a plugin cannot read or write another tenant's rows, nor the API's tables).
 */
export function createPluginStore(source: DataSource | EntityManager, plugin: RedressPlugin, tenantId: string): PluginStore {
  const declared = new Set(plugin.entities.map((e) => e.options.name));
  const repository = (entity: string) => {
    if (!declared.has(entity)) throw PluginHostErrors.create('UNKNOWN_PLUGIN_ENTITY', { params: { id: plugin.id, entity } });
    const manager = 'manager' in source ? source.manager : source;
    return manager.getRepository<ObjectLiteral>(entity);
  };
  const scoped = (where: PluginWhere = {}) => ({ ...where, tenantId }) as FindOptionsWhere<ObjectLiteral>;
  return {
    async find(entity, where, options = {}) {
      return repository(entity).find({
        where: scoped(where),
        order: options.order,
        take: Math.min(Math.max(options.take ?? MAX_TAKE, 1), MAX_TAKE),
      });
    },
    async findOne(entity, where) {
      return repository(entity).findOne({ where: scoped(where) });
    },
    async count(entity, where) {
      return repository(entity).count({ where: scoped(where) });
    },
    async insert(entity, values) {
      const row = { ...values, tenantId };
      const result = await repository(entity).insert(row);
      return { ...row, ...(result.generatedMaps[0] ?? {}) };
    },
    async update(entity, where, values) {
      const { tenantId: _ignored, ...changes } = values;
      return (await repository(entity).update(scoped(where), changes)).affected ?? 0;
    },
    async delete(entity, where) {
      return (await repository(entity).delete(scoped(where))).affected ?? 0;
    },
  };
}
