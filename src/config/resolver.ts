/**
 * Config: found with cosmiconfig by searching up from each linted file (or given with -c), validated against a
 * schema, flattened (extends → rules → overrides → --rule) into the rules a file is linted with.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cosmiconfig } from 'cosmiconfig';
import picomatch from 'picomatch';
import ignore, { type Ignore } from 'ignore';
import type { Plugin, Rule, RuleEntry, RuleLevel, Settings } from '../types.js';
import type { ConfiguredRule } from '../engine/linter.js';
import { builtinRules } from '../engine/registry.js';
import { compileSchema, describeAjvErrors, OptionsError, resolveRuleOptions } from './rule-options.js';
import { configSchema } from './schema.js';
import { PRESETS, presetRules } from './presets.js';
import { ConfigError, type ConfigData } from './types.js';
import { packageVersion } from '../paths.js';

export { ConfigError };

export interface ResolvedConfig {
  rules: ConfiguredRule[];
  settings: Settings;
  reportUnusedDisableDirectives: 0 | 1 | 2;
  /** The config file that applies, if any. */
  configFile?: string;
  /** True when the config's ignorePatterns exclude this file. */
  ignored: boolean;
  /** Changes whenever anything that affects this file's results changes (cache key). */
  hash: string;
}

/** A config file with its extends loaded, ready to apply to any file. */
interface Layer {
  file: string;
  base: string;
  data: ConfigData;
  parents: Layer[];
  plugins: Map<string, Plugin>;
  ignores?: Ignore;
}

export interface ResolverOptions {
  cwd: string;
  /** -c: use this config file for every file. */
  configFile?: string;
  /** --no-config-lookup: do not search for config files. */
  useConfigLookup?: boolean;
  /** --rule entries, applied last. */
  cliRules?: Record<string, RuleEntry>;
  /** --report-unused-disable-directives */
  reportUnusedDisableDirectives?: RuleLevel;
}

let configValidator: ReturnType<typeof compileSchema> | undefined;
/** The config file validator, compiled (or loaded precompiled) on first use. */
const validateConfig = (data: unknown) => (configValidator ??= compileSchema(configSchema))(data);
const LEVELS: Record<string, 0 | 1 | 2> = { off: 0, warn: 1, error: 2, 0: 0, 1: 1, 2: 2 };
const toLevel = (level: RuleLevel): 0 | 1 | 2 => LEVELS[String(level)]!;
const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const firstLine = (message: string) => message.split('\n').filter(Boolean).slice(0, 2).join(' ');

/** The plugin prefix ESLint would use: `cftlint-plugin-foo` → `foo`, `@team/cftlint-plugin` → `@team`. */
export function pluginPrefix(name: string): string {
  const stem = name.replace(/\.(c|m)?js$/, '');
  const scoped = /^(@[^/]+)\/(?:cftlint-plugin(?:-(.+))?|(.+))$/.exec(stem);
  if (scoped) return scoped[2] || scoped[3] ? `${scoped[1]}/${scoped[2] ?? scoped[3]}` : scoped[1]!;
  return basename(stem).replace(/^cftlint-plugin-/, '');
}

async function importFrom(base: string, spec: string): Promise<unknown> {
  const local = spec.startsWith('.') || isAbsolute(spec);
  const path = local ? resolve(base, spec) : createRequire(join(base, 'noop.js')).resolve(spec);
  const mod = (await import(pathToFileURL(path).href)) as { default?: unknown };
  return mod.default ?? mod;
}

export class ConfigResolver {
  private readonly explorer = cosmiconfig('cftlint', { searchStrategy: 'global' });
  private readonly layers = new Map<string, Promise<Layer>>();
  private readonly dirConfig = new Map<string, Promise<string | undefined>>();

  constructor(readonly options: ResolverOptions) {}

  /** The config for one file: which rules run with which options and settings. Throws ConfigError. */
  async forFile(filePath: string): Promise<ResolvedConfig> {
    const configFile = await this.configFileFor(filePath);
    const layer = configFile ? await this.layer(configFile) : undefined;
    const builtins = await builtinRules();
    const entries = new Map<string, { entry: RuleEntry; from: string }>();
    const settings: Settings = {};
    let unused = toLevel(this.options.reportUnusedDisableDirectives ?? 'off');
    let ignored = false;
    const plugins = new Map<string, Plugin>();

    const setRules = (rules: Record<string, RuleEntry> | undefined, from: string) => {
      for (const [id, entry] of Object.entries(rules ?? {})) entries.set(id, { entry: mergeEntry(entries.get(id)?.entry, entry), from });
    };
    const applyLayer = (l: Layer, explicitExtends: boolean) => {
      const ext = l.data.extends === undefined && !explicitExtends ? ['cftlint:recommended'] : list(l.data.extends);
      let parent = 0;
      for (const name of ext) {
        const preset = presetRules(name, builtins);
        if (preset) setRules(preset, name);
        else applyLayer(l.parents[parent++]!, true);
      }
      for (const [prefix, plugin] of l.plugins) plugins.set(prefix, plugin);
      setRules(l.data.rules, l.file);
      Object.assign(settings, l.data.settings);
      if (l.data.reportUnusedDisableDirectives !== undefined && this.options.reportUnusedDisableDirectives === undefined) {
        unused = toLevel(l.data.reportUnusedDisableDirectives);
      }
      const rel = relative(l.base, filePath);
      const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
      if (inside && l.ignores?.ignores(rel)) ignored = true;
      for (const override of l.data.overrides ?? []) {
        if (!inside || !matches(rel, override.files) || matches(rel, override.excludedFiles)) continue;
        setRules(override.rules, `${l.file} (overrides)`);
        Object.assign(settings, override.settings);
      }
    };
    if (layer) applyLayer(layer, false);
    else setRules(presetRules('cftlint:recommended', builtins), 'cftlint:recommended');
    setRules(this.options.cliRules, '--rule');

    const rules: ConfiguredRule[] = [];
    for (const [id, { entry, from }] of entries) {
      const [level, options] = Array.isArray(entry) ? [entry[0], entry[1]] : [entry, undefined];
      const severity = toLevel(level);
      const rule = lookupRule(id, builtins, plugins);
      if (!rule) {
        throw new ConfigError(`${from}: rules.${id}: unknown rule '${id}'. Run 'cftlint --list-rules' to see the rules${plugins.size ? '' : ' (a plugin rule needs its plugin in "plugins")'}.`);
      }
      if (severity === 0) continue;
      try {
        rules.push({ id, rule, severity, options: resolveRuleOptions(rule, options) });
      } catch (error) {
        if (error instanceof OptionsError) throw new ConfigError(`${from}: rules.${id}: ${error.message}.`);
        throw error;
      }
    }
    const hash = createHash('sha256')
      .update(JSON.stringify([packageVersion(), rules.map((r) => [r.id, r.severity, r.options]), settings, unused]))
      .digest('hex');
    return { rules, settings, reportUnusedDisableDirectives: unused, configFile, ignored, hash };
  }

  /** Every rule a user can configure: the built-ins and the rules of plugins named by the config for `dir`. */
  async allRules(dir = this.options.cwd): Promise<Map<string, Rule>> {
    const all = new Map(await builtinRules());
    const configFile = await this.configFileFor(join(dir, 'x.md'));
    if (configFile) {
      const visit = (l: Layer) => {
        l.parents.forEach(visit);
        for (const [prefix, plugin] of l.plugins) for (const [id, rule] of Object.entries(plugin.rules)) all.set(`${prefix}/${id}`, rule);
      };
      visit(await this.layer(configFile));
    }
    return all;
  }

  private configFileFor(filePath: string): Promise<string | undefined> {
    if (this.options.configFile) return Promise.resolve(resolve(this.options.cwd, this.options.configFile));
    if (this.options.useConfigLookup === false) return Promise.resolve(undefined);
    const dir = dirname(resolve(this.options.cwd, filePath));
    let found = this.dirConfig.get(dir);
    if (!found) {
      found = this.explorer.search(dir).then(
        (r) => (r && !r.isEmpty ? r.filepath : undefined),
        (error: Error) => {
          throw new ConfigError(`Cannot read config file: ${firstLine(error.message)}`);
        },
      );
      this.dirConfig.set(dir, found);
    }
    return found;
  }

  private layer(file: string, chain: string[] = []): Promise<Layer> {
    if (chain.includes(file)) return Promise.reject(new ConfigError(`${file}: extends: circular extends (${[...chain, file].join(' → ')})`));
    let layer = this.layers.get(file);
    if (!layer) {
      layer = this.loadLayer(file, chain);
      this.layers.set(file, layer);
    }
    return layer;
  }

  private async loadLayer(file: string, chain: string[]): Promise<Layer> {
    let data: unknown;
    try {
      const loaded = await this.explorer.load(file);
      data = loaded?.config ?? {};
    } catch (error) {
      const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : firstLine((error as Error).message);
      throw new ConfigError(`Cannot read config file ${file}: ${message}`);
    }
    if (!validateConfig(data)) {
      throw new ConfigError(`${file}: ${describeAjvErrors(configValidator!.errors)}`);
    }
    const config = data as ConfigData;
    const base = dirname(file);
    const parents: Layer[] = [];
    for (const name of list(config.extends)) {
      if ((PRESETS as readonly string[]).includes(name)) continue;
      if (name.startsWith('cftlint:')) throw new ConfigError(`${file}: extends: unknown preset '${name}' (use ${PRESETS.join(' or ')})`);
      let target: string;
      try {
        target = name.startsWith('.') || isAbsolute(name) ? resolve(base, name) : createRequire(join(base, 'noop.js')).resolve(name);
      } catch {
        throw new ConfigError(`${file}: extends: cannot find '${name}'`);
      }
      parents.push(await this.layer(target, [...chain, file]));
    }
    const plugins = new Map<string, Plugin>();
    const specs = Array.isArray(config.plugins)
      ? config.plugins.map((spec) => [undefined, spec] as const)
      : Object.entries(config.plugins ?? {});
    for (const [key, spec] of specs) {
      let plugin: Plugin;
      try {
        plugin = (await importFrom(base, spec)) as Plugin;
      } catch (error) {
        throw new ConfigError(`${file}: plugins: cannot load '${spec}': ${firstLine((error as Error).message)}`);
      }
      if (!plugin || typeof plugin.rules !== 'object') throw new ConfigError(`${file}: plugins: '${spec}' does not export { rules }`);
      plugins.set(key ?? pluginPrefix(plugin.meta?.name ?? spec), plugin);
    }
    const patterns = list(config.ignorePatterns);
    return { file, base, data: config, parents, plugins, ignores: patterns.length ? ignore().add(patterns) : undefined };
  }
}

function lookupRule(id: string, builtins: Map<string, Rule>, plugins: Map<string, Plugin>): Rule | undefined {
  const builtin = builtins.get(id);
  if (builtin) return builtin;
  const slash = id.lastIndexOf('/');
  if (slash < 0) return undefined;
  return plugins.get(id.slice(0, slash))?.rules[id.slice(slash + 1)];
}

/** ESLint's merge: a bare severity keeps the options configured before it. */
function mergeEntry(previous: RuleEntry | undefined, next: RuleEntry): RuleEntry {
  if (!Array.isArray(next) && Array.isArray(previous) && previous.length > 1) return [next, ...previous.slice(1)];
  return next;
}

function matches(rel: string, patterns: string | string[] | undefined): boolean {
  const globs = list(patterns);
  const path = rel.split('\\').join('/');
  // A pattern without a slash matches the file name anywhere, as in ESLint and .gitignore.
  return globs.some((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') })(path));
}
