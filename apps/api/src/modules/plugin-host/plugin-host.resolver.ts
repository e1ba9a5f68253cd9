import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { pluginSettings, type RedressPlugin } from '@redress/sdk';
import { Auth, Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/roles';
import type { AuthContext } from '../../common/auth/auth-context';
import { JSONScalar } from '../policy/dtos/json.scalar';
import { PluginHostService } from './plugin-host.service';
import type { PluginFailure, PluginInstallation } from './plugin-installation.entity';
import { EnablePluginResultType, PluginFailureType, PluginInfoType } from './dtos/plugin.types';
import { PageSizePipe } from '../../common/page-size.pipe';

const keys = (items: readonly { key: string }[]) => items.map((i) => i.key);
const text = (t: { zh: string; en?: string }) => ({ zh: t.zh, en: t.en ?? t.zh });

function failureView(row: PluginFailure): PluginFailureType {
  return { ...row, complaintId: row.complaintId ?? null };
}

function infoView(
  plugin: RedressPlugin,
  installation: PluginInstallation | undefined,
  stats?: { count: number; last: PluginFailure | null },
): PluginInfoType {
  return {
    id: plugin.id,
    version: plugin.version,
    compatibility: plugin.compatibility,
    name: text(plugin.name),
    description: text(plugin.description),
    installed: true,
    enabled: Boolean(installation?.enabled),
    adds: {
      fieldCount: plugin.fields.length,
      fields: keys(plugin.fields),
      complaintTypeCount: plugin.complaintTypes.length,
      complaintTypes: keys(plugin.complaintTypes),
      channels: keys(plugin.channels),
      severityLevels: keys(plugin.severityLevels),
      departments: keys(plugin.departments),
      slaPolicyCount: plugin.slaPolicies.length,
      slaPolicies: keys(plugin.slaPolicies),
      escalations: keys(plugin.escalations),
      templateCount: plugin.templates.length,
      templates: keys(plugin.templates),
      ruleTestCount: plugin.ruleTests.length,
      facts: Object.keys(plugin.facts),
      operators: plugin.operators.map((o) => o.name),
      events: Object.keys(plugin.on),
    },
    rulePresets: plugin.rulePresets.map((preset) => ({
      code: preset.code,
      name: text(preset.name),
      description: text(preset.description),
      ruleSet: preset.ruleSet,
      args: preset.args as unknown as Record<string, unknown>,
      values: installation?.presetArgs?.[preset.code] ?? null,
    })),
    settings: { definitions: plugin.settings, values: pluginSettings(plugin, installation?.settings ?? {}) },
    failureCount: stats?.count ?? 0,
    lastFailure: stats?.last ? failureView(stats.last) : null,
  };
}

/** Installed plugins, enabling them for the caller's tenant, and their failures. */
@Resolver()
export class PluginHostResolver {
  constructor(private readonly host: PluginHostService) {}

  @Roles(Role.admin, Role.manager)
  @Query(() => [PluginInfoType], {
    description: 'Plugins installed in this deployment, with what they add and whether this tenant enabled them.',
  })
  async plugins(@Auth() auth: AuthContext): Promise<PluginInfoType[]> {
    const [installations, stats] = await Promise.all([this.host.installations(auth.tenantId), this.host.failureStats(auth.tenantId)]);
    return this.host.plugins.map((plugin) =>
      infoView(
        plugin,
        installations.find((i) => i.pluginId === plugin.id),
        stats.get(plugin.id),
      ),
    );
  }

  @Roles(Role.admin)
  @Mutation(() => EnablePluginResultType, {
    description:
      'Adds the plugin’s fields, types, presets, deadlines and templates to the DRAFT policy (presetArgs by preset code; ' +
      'defaults otherwise) and starts its hooks and handlers for this tenant. Nothing is decided differently until publishPolicy.',
  })
  async enablePlugin(
    @Auth() auth: AuthContext,
    @Args('id') id: string,
    @Args('presetArgs', { type: () => JSONScalar, nullable: true }) presetArgs?: Record<string, Record<string, unknown>> | null,
  ): Promise<EnablePluginResultType> {
    return this.host.enable(auth, id, presetArgs);
  }

  @Roles(Role.admin)
  @Mutation(() => PluginInfoType, {
    description:
      'Stops the plugin’s hooks and handlers for this tenant. Its data stays, and the policy objects it added stay in the ' +
      'policy (remove them in the policy studio if wanted).',
  })
  async disablePlugin(@Auth() auth: AuthContext, @Args('id') id: string): Promise<PluginInfoType> {
    const installation = await this.host.disable(auth, id);
    const stats = await this.host.failureStats(auth.tenantId);
    return infoView(this.host.require(id), installation, stats.get(id));
  }

  @Roles(Role.admin, Role.manager)
  @Query(() => [PluginFailureType], { description: 'Latest failures of plugin hooks and handlers in this tenant, newest first.' })
  async pluginFailures(
    @Auth() auth: AuthContext,
    @Args('pluginId', { nullable: true }) pluginId?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }, PageSizePipe) first = 50,
    @Args('phase', { nullable: true, description: 'Only failures of this phase (blocking, after, init …).' }) phase?: string,
  ): Promise<PluginFailureType[]> {
    return (await this.host.failures(auth.tenantId, pluginId ?? null, first, phase ?? null)).map(failureView);
  }
}
