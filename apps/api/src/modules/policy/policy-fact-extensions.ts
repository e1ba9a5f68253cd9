import type { FactField, PolicyDocument } from '@redress/sdk';

/**
 * Extra facts a policy document may read beyond its own fields (plugins' facts, e.g. `telecom.areaComplaintsLastHour`).
 * Provided by the plugin host when it is loaded; the policy module works without one.
 */
export interface PolicyFactExtensions {
  factsFor(document: PolicyDocument): Record<string, FactField>;
}
export const POLICY_FACT_EXTENSIONS = Symbol('POLICY_FACT_EXTENSIONS');
