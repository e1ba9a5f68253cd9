import { readFileSync } from 'node:fs';
import { pluginGraphQLProblems } from './plugin-graphql-sdl';
import { resolve } from 'node:path';
import { compatibilityProblem, defaultEngine, pluginProblems, validatePlugin, type PluginInput, type RedressPlugin } from '@redress/sdk';

/** Why the API refuses to start with the configured plugins; the message names each plugin and its problems. */
export class PluginBootError extends Error {
  constructor(readonly problems: string[]) {
    super(`Redress cannot start with the configured plugins:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PluginBootError';
  }
}

/** The API's own version (apps/api/package.json), the version plugins declare compatibility with. */
export function hostVersion(): string {
  // Same depth from src/ and from dist/: modules/plugin-host → apps/api.
  const file = resolve(__dirname, '../../../package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The configured list narrowed by `REDRESS_PLUGINS` (comma-separated ids); unknown ids are a boot error. */
export function selectPlugins(plugins: readonly PluginInput[], only: string | undefined): PluginInput[] {
  const wanted = (only ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (!wanted.length) return [...plugins];
  const unknown = wanted.filter((id) => !plugins.some((p) => p.id === id));
  if (unknown.length) {
    throw new PluginBootError(
      unknown.map(
        (id) => `REDRESS_PLUGINS names "${id}", which is not installed (installed: ${plugins.map((p) => p.id).join(', ') || 'none'})`,
      ),
    );
  }
  return plugins.filter((p) => wanted.includes(p.id));
}

/**
 * Validates every plugin and checks it accepts this host version, collecting the problems of ALL plugins before
 * failing, so an operator fixes the configuration in one go. Returns the normalized plugins.
 */
export function loadPlugins(plugins: readonly PluginInput[], version: string): RedressPlugin[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const plugin of plugins) {
    const id = typeof plugin?.id === 'string' ? plugin.id : '?';
    if (seen.has(id)) problems.push(`plugin ${id} is installed twice`);
    seen.add(id);
    const invalid = pluginProblems(plugin);
    if (invalid.length) {
      problems.push(
        `plugin ${id} is invalid (${invalid.length} problem${invalid.length > 1 ? 's' : ''}): ${invalid.map((p) => `${p.path}: ${p.message} (${p.code})`).join('; ')}`,
      );
      continue;
    }
    const incompatible = compatibilityProblem(plugin, version);
    if (incompatible) problems.push(incompatible);
    problems.push(...pluginGraphQLProblems(plugin));
  }
  if (problems.length) throw new PluginBootError(problems);
  return plugins.map((plugin) => validatePlugin(plugin));
}

/**
 * Registers the plugins' JSON-logic operators in the engine policies are validated and evaluated with. Once per
 * process: several apps (tests) share the engine, and a name already registered is the same plugin's operator.
 */
export function registerPluginOperators(plugins: readonly RedressPlugin[]): void {
  const known = new Set(defaultEngine.listOperators().map((o) => o.name));
  for (const plugin of plugins) {
    for (const operator of plugin.operators) {
      if (known.has(operator.name)) continue;
      defaultEngine.registerOperator(operator);
      known.add(operator.name);
    }
  }
}
