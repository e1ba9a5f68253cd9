import { Field, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../../policy/dtos/json.scalar';
import { LocalizedTextType } from '../../policy/dtos/policy-document.types';

@ObjectType('PluginContributions', { description: 'What enabling the plugin adds to the draft policy: counts and keys per collection.' })
export class PluginContributionsType {
  @Field(() => Int) fieldCount!: number;
  @Field(() => [String]) fields!: string[];
  @Field(() => Int) complaintTypeCount!: number;
  @Field(() => [String]) complaintTypes!: string[];
  @Field(() => [String]) channels!: string[];
  @Field(() => [String]) severityLevels!: string[];
  @Field(() => [String]) departments!: string[];
  @Field(() => Int) slaPolicyCount!: number;
  @Field(() => [String]) slaPolicies!: string[];
  @Field(() => [String]) escalations!: string[];
  @Field(() => Int) templateCount!: number;
  @Field(() => [String]) templates!: string[];
  @Field(() => Int) ruleTestCount!: number;
  @Field(() => [String], { description: 'Facts the plugin adds to the fact schema.' }) facts!: string[];
  @Field(() => [String], { description: 'JSON-logic operators the plugin adds.' }) operators!: string[];
  @Field(() => [String], { description: 'Events the plugin reacts to (blocking hooks and after-handlers).' }) events!: string[];
}

@ObjectType('PluginRulePreset')
export class PluginRulePresetType {
  @Field() code!: string;
  @Field(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => LocalizedTextType) description!: LocalizedTextType;
  @Field({ description: 'validity | severity | routing | sla' }) ruleSet!: string;
  @Field(() => JSONScalar, {
    description: 'Argument definitions {name: {type, label, default, options?, min?, max?}} for the console form.',
  })
  args!: Record<string, unknown>;
  @Field(() => JSONScalar, { nullable: true, description: 'The values this tenant enabled the plugin with (null: defaults).' })
  values?: Record<string, unknown> | null;
}

@ObjectType('PluginFailure')
export class PluginFailureType {
  @Field() id!: string;
  @Field() pluginId!: string;
  @Field() eventName!: string;
  @Field({ description: 'blocking (intake hook) or after (outbox handler)' }) phase!: string;
  @Field(() => String, { nullable: true }) complaintId?: string | null;
  @Field(() => Int) attempt!: number;
  @Field() timedOut!: boolean;
  @Field() error!: string;
  @Field() occurredAt!: Date;
}

@ObjectType('PluginInfo')
export class PluginInfoType {
  @Field() id!: string;
  @Field() version!: string;
  @Field({ description: 'Semver range of Redress versions the plugin supports.' }) compatibility!: string;
  @Field(() => LocalizedTextType) name!: LocalizedTextType;
  @Field(() => LocalizedTextType) description!: LocalizedTextType;
  @Field({ description: 'Installed in this deployment (always true for listed plugins).' }) installed!: boolean;
  @Field({ description: 'Enabled for the caller’s tenant.' }) enabled!: boolean;
  @Field(() => PluginContributionsType) adds!: PluginContributionsType;
  @Field(() => [PluginRulePresetType]) rulePresets!: PluginRulePresetType[];
  @Field(() => JSONScalar, { description: 'Setting definitions and this tenant’s values.' }) settings!: Record<string, unknown>;
  @Field(() => Int) failureCount!: number;
  @Field(() => PluginFailureType, { nullable: true }) lastFailure?: PluginFailureType | null;
}

@ObjectType('EnablePluginResult')
export class EnablePluginResultType {
  @Field() pluginId!: string;
  @Field(() => [String], { description: 'Draft objects added or refreshed, as collection[key].' }) applied!: string[];
  @Field(() => [String], { description: 'The tenant’s own objects sharing a key with the plugin’s, left untouched.' }) kept!: string[];
  @Field(() => [String], { description: 'Decision rows added or refreshed, as ruleSet[rowKey].' }) rows!: string[];
  @Field({ description: 'Diff of the draft against the current version. Nothing is live until publishPolicy.' }) summary!: string;
}
