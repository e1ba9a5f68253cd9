import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { mergeSchemas } from '@graphql-tools/schema';
import type { PluginFieldResolver, PluginRequestContext, RedressPlugin } from '@redress/sdk';
import { AuthService } from '../auth/auth.service';
import { authenticateRequest } from '../../common/auth/roles.guard';
import type { RequestWithAuth } from '../../common/auth/auth-context';
import { CommonErrors } from '../../common/errors/app-error';
import { PluginHostService } from './plugin-host.service';
import { PluginHostErrors } from './plugin-host.exception';
import { HOST_PLUGINS } from './plugin-host.tokens';
import { createPluginStore } from './plugin-store';
import { GRAPHQL_ROOTS as ROOTS } from './plugin-graphql-sdl';

/**
 * Adds the installed plugins' GraphQL to the API's schema at bootstrap (GraphQLModule's transformSchema). Each field
 * is served like the API's own resolvers: the caller is authenticated, its role must be one the field names (default
 * deny), the plugin must be enabled for the caller's tenant, and the resolver gets a context whose store is confined
 * to that tenant.
 */
@Injectable()
export class PluginGraphQL {
  constructor(
    @Inject(HOST_PLUGINS) private readonly plugins: RedressPlugin[],
    private readonly auth: AuthService,
    private readonly host: PluginHostService,
    private readonly dataSource: DataSource,
  ) {}

  extend(schema: GraphQLSchema): GraphQLSchema {
    const withGraphQL = this.plugins.filter((p) => p.graphql);
    if (!withGraphQL.length) return schema;
    const resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, { req: RequestWithAuth }>>> = {};
    for (const plugin of withGraphQL) {
      for (const root of ROOTS) {
        for (const [name, field] of Object.entries(plugin.graphql!.resolvers[root] ?? {})) {
          (resolvers[root] ??= {})[name] = (_parent, args, context) => this.call(plugin, field, args, context.req);
        }
      }
    }
    return mergeSchemas({ schemas: [schema], typeDefs: withGraphQL.map((p) => p.graphql!.typeDefs), resolvers });
  }

  private async call(
    plugin: RedressPlugin,
    field: PluginFieldResolver,
    args: Record<string, unknown>,
    request: RequestWithAuth,
  ): Promise<unknown> {
    const { auth } = await authenticateRequest(this.auth, request);
    if (!auth) throw CommonErrors.create('UNAUTHENTICATED');
    if (!(field.roles as readonly string[]).includes(auth.role)) throw CommonErrors.create('FORBIDDEN');
    const enabled = (await this.host.enabled(auth.tenantId)).find((e) => e.plugin.id === plugin.id);
    if (!enabled) throw PluginHostErrors.create('NOT_ENABLED_FOR_TENANT', { params: { id: plugin.id } });
    const handlerContext = this.host.context(plugin, auth.tenantId, enabled.installation.settings ?? {}, []);
    const ctx: PluginRequestContext = {
      tenantId: auth.tenantId,
      pluginId: plugin.id,
      role: auth.role,
      userId: auth.userId ?? null,
      now: handlerContext.now,
      logger: handlerContext.logger,
      settings: handlerContext.settings,
      store: createPluginStore(this.dataSource, plugin, auth.tenantId),
    };
    return field.resolve(args ?? {}, ctx);
  }
}
