import { Inject, Injectable } from '@nestjs/common';
import type { FactField, PolicyDocument, RedressPlugin } from '@redress/sdk';
import type { PolicyFactExtensions } from '../policy/policy-fact-extensions';
import { HOST_PLUGINS } from './plugin-host.tokens';
import { pluginSources } from './plugin-draft-patch';

/**
 * Plugin facts in the fact schema: a document that uses a plugin (its objects or rows carry `source: <id>`) may read
 * that plugin's facts. Depends on the plugin list only, because the policy module's services depend on it.
 */
@Injectable()
export class PluginFactExtensions implements PolicyFactExtensions {
  constructor(@Inject(HOST_PLUGINS) private readonly plugins: RedressPlugin[]) {}

  factsFor(document: PolicyDocument): Record<string, FactField> {
    const facts: Record<string, FactField> = {};
    const sources = pluginSources(document);
    for (const plugin of this.plugins) if (sources.has(plugin.id)) Object.assign(facts, plugin.facts);
    return facts;
  }
}
