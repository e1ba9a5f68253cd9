/** One thing wrong with a plugin, located by a path such as `plugins.bank.rulePresets[bank.severity].rows[2].when`. */
export interface PluginProblem {
  path: string;
  code: string;
  message: string;
}

/** Thrown by `definePlugin`, `validatePlugin(…, { throw: true })` and `instantiatePreset`: lists every problem at once. */
export class PluginValidationError extends Error {
  readonly problems: PluginProblem[];

  constructor(subject: string, problems: PluginProblem[]) {
    const lines = problems.map((p) => `  - ${p.path}: ${p.message} (${p.code})`);
    super(`${subject} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
    this.name = 'PluginValidationError';
    this.problems = problems;
  }
}

/** Thrown at load when the host's version is outside the plugin's `compatibility` range. */
export class PluginCompatibilityError extends Error {
  constructor(
    message: string,
    readonly pluginId: string,
    readonly pluginVersion: string,
    readonly required: string,
    readonly hostVersion: string,
  ) {
    super(message);
    this.name = 'PluginCompatibilityError';
  }
}
