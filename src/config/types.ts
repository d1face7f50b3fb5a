import type { RuleEntry, RuleLevel, Settings } from '../types.js';

/** A config file's contents (`.cftlintrc*`, `cftlint.config.*`, `package.json#cftlint`). */
export interface ConfigData {
  root?: boolean;
  extends?: string | string[];
  rules?: Record<string, RuleEntry>;
  settings?: Settings;
  plugins?: string[] | Record<string, string>;
  ignorePatterns?: string | string[];
  reportUnusedDisableDirectives?: RuleLevel;
  overrides?: { files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, RuleEntry>; settings?: Settings }[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
