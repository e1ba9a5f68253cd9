import semver from 'semver';
import { PluginCompatibilityError } from './errors';

interface Versioned {
  id: string;
  version: string;
  compatibility: string;
}

/** Null when the plugin accepts this host version, otherwise the message an operator reads at boot. */
export function compatibilityProblem(plugin: Versioned, hostVersion: string): string | null {
  if (!semver.validRange(plugin.compatibility)) {
    return `plugin ${plugin.id} ${plugin.version} has an invalid compatibility range "${plugin.compatibility}"`;
  }
  const host = semver.coerce(hostVersion)?.version;
  if (!host) return `Redress version "${hostVersion}" is not a semver version`;
  // includePrerelease: a 0.2.0-rc host should still satisfy ^0.2.0-style ranges of plugins written for it.
  if (semver.satisfies(host, plugin.compatibility, { includePrerelease: true })) return null;
  return `plugin ${plugin.id} ${plugin.version} requires Redress ${plugin.compatibility}, this is ${hostVersion}`;
}

/** Throws a {@link PluginCompatibilityError} with a clear message when the host is outside the plugin's range. */
export function checkCompatibility(plugin: Versioned, hostVersion: string): void {
  const problem = compatibilityProblem(plugin, hostVersion);
  if (problem) throw new PluginCompatibilityError(problem, plugin.id, plugin.version, plugin.compatibility, hostVersion);
}
