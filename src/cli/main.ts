/**
 * The command line, with ESLint's flags and exit codes: 0 no errors (and warnings within --max-warnings),
 * 1 lint errors or too many warnings, 2 usage, config or internal failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { Chalk } from 'chalk';
import { parse as parseYaml } from 'yaml';
import type { LintResult, RuleEntry, RuleLevel } from '../types.js';
import { ConfigError, ConfigResolver } from '../config/resolver.js';
import { discover, NoFilesError } from '../files/discover.js';
import { ignoredResult, lintFiles, lintText } from '../engine/lint-files.js';
import { LintCache, DEFAULT_CACHE_LOCATION } from '../engine/cache.js';
import { countResult } from '../engine/linter.js';
import { runShutdownHooks, runtime } from '../engine/lifecycle.js';
import { loadFormatter, FormatterError, FORMATTER_NAMES } from '../formatters/index.js';
import { redactResults } from '../formatters/redact.js';
import { packageVersion } from '../paths.js';
import { listRules, printConfig } from './info.js';
import { initConfig } from './init.js';

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  readStdin: () => Promise<string>;
  stdinIsTTY: boolean;
}

interface Options {
  config?: string;
  configLookup: boolean;
  rule: string[];
  printConfig?: string;
  format: string;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings: number;
  color?: boolean;
  redact?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
  ignorePath?: string;
  ignorePattern: string[];
  ignore: boolean;
  errorOnUnmatchedPattern: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation: string;
  reportUnusedDisableDirectives?: boolean;
  listRules?: boolean;
  init?: boolean;
  debug?: boolean;
  concurrency?: number;
  maxFileSize?: number;
}

class UsageError extends Error {}

const collect = (value: string, previous: string[]) => [...previous, value];
const integer = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new UsageError(`${name} must be a whole number, got '${value}'`);
  return n;
};

/** `--rule 'child-age: [error, {window: 2}]'`: YAML (or JSON) mapping a rule id to its entry. */
function parseRuleFlag(flags: string[]): Record<string, RuleEntry> {
  const rules: Record<string, RuleEntry> = {};
  for (const flag of flags) {
    let parsed: unknown;
    try {
      parsed = parseYaml(flag);
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new UsageError(`--rule expects "rule-id: severity" (e.g. --rule "child-name: off"), got '${flag}'`);
    }
    Object.assign(rules, parsed);
  }
  return rules;
}

export function buildProgram(): Command {
  const program = new Command('cftlint')
    .description("Lint social media drafts and photos against the Children's Family Trust digital and social media policy.")
    .argument('[patterns...]', 'files, directories and globs to lint', ['.'])
    .addOption(new Option('-c, --config <file>', 'use this config file (no search)'))
    .option('--no-config-lookup', 'do not search for config files; use cftlint:recommended, --config and --rule')
    .option('--rule <rule>', 'set a rule, e.g. --rule "child-name: off" (repeatable)', collect, [])
    .option('--print-config <file>', 'print the configuration that applies to a file')
    .option('-f, --format <name|path>', `output format: ${FORMATTER_NAMES.join(', ')}, or a path to a formatter`, 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', integer('--max-warnings'), -1)
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .option('--redact', 'mask matched details in reports (default when not a terminal, writing to a file, or CI is set)')
    .option('--no-redact', 'show matched details in full')
    .option('--fix', 'fix problems that can be fixed automatically (image metadata, …)')
    .option('--fix-dry-run', 'compute fixes and report them without writing files')
    .option('--ignore-path <file>', 'use this ignore file instead of .gitignore and .cftlintignore')
    .option('--ignore-pattern <pattern>', 'ignore files matching this pattern (repeatable)', collect, [])
    .option('--no-ignore', 'do not use ignore files or patterns')
    .option('--no-error-on-unmatched-pattern', 'do not fail when a pattern matches no files')
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <name>', 'file name to use for standard input (decides format and config)')
    .option('--cache', 'only lint files that changed since the last run')
    .option('--cache-location <path>', 'cache file or directory', DEFAULT_CACHE_LOCATION)
    .option('--report-unused-disable-directives', 'report directives that suppress nothing, as errors')
    .option('--concurrency <n>', 'image worker threads (default: number of cores)', integer('--concurrency'))
    .option('--max-file-size <bytes>', 'skip files larger than this, with an error', integer('--max-file-size'))
    .option('--list-rules', 'list the available rules')
    .option('--init', 'write a commented .cftlintrc.yaml')
    .option('--debug', 'print what cftlint does to stderr')
    .version(packageVersion(), '-v, --version')
    .helpOption('-h, --help')
    .showHelpAfterError('(run cftlint --help for usage)')
    .exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const program = buildProgram();
  program.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  const debug = argv.includes('--debug') ? (line: string) => io.stderr.write(`cftlint: ${line}\n`) : undefined;
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
      return ok ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`cftlint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const options = program.opts<Options>();
  const patterns = program.args.length ? program.args : ['.'];
  try {
    return await run(patterns, options, io, debug);
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof NoFilesError || error instanceof FormatterError || error instanceof UsageError;
    io.stderr.write(`cftlint: ${(error as Error).message}\n`);
    if (!known) {
      io.stderr.write(debug ? `${(error as Error).stack}\n` : 'This is a bug in cftlint; run again with --debug for details.\n');
    }
    return 2;
  } finally {
    await runShutdownHooks();
  }
}

async function run(patterns: string[], options: Options, io: CliIO, debug?: (line: string) => void): Promise<number> {
  const cwd = io.cwd;
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  if (options.stdin && options.fix) throw new UsageError('--fix is not supported with --stdin; use --fix-dry-run');
  if (options.init) return initConfig(cwd, io);

  const resolver = new ConfigResolver({
    cwd,
    configFile: options.config,
    useConfigLookup: options.configLookup,
    cliRules: parseRuleFlag(options.rule),
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? ('error' as RuleLevel) : undefined,
  });
  if (options.printConfig) return printConfig(resolver, resolve(cwd, options.printConfig), io);
  if (options.listRules) return listRules(resolver, io);

  const concurrency = options.concurrency && options.concurrency > 0 ? options.concurrency : availableParallelism();
  const lintOptions = {
    resolver,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    cache: options.cache ? LintCache.open(options.cacheLocation, cwd) : undefined,
    maxFileSize: options.maxFileSize,
    concurrency,
    debug,
  };
  runtime.concurrency = concurrency;

  let results: LintResult[];
  if (options.stdin) {
    const filePath = options.stdinFilename ? resolve(cwd, options.stdinFilename) : '<text>';
    results = [await lintText(await io.readStdin(), filePath === '<text>' ? resolve(cwd, '<text>.md') : filePath, lintOptions)];
    if (filePath === '<text>') results[0]!.filePath = '<text>';
  } else {
    const { files, ignoredExplicitly } = await discover(patterns, {
      cwd,
      useIgnore: options.ignore,
      ignorePath: options.ignorePath,
      ignorePatterns: options.ignorePattern,
      errorOnUnmatchedPattern: options.errorOnUnmatchedPattern,
    });
    debug?.(`${files.length} file(s) to lint`);
    results = [...(await lintFiles(files, lintOptions)), ...ignoredExplicitly.map(ignoredResult)];
  }

  if (options.quiet) results = results.map(errorsOnly);
  const redact = options.redact ?? (!!options.outputFile || !io.stdout.isTTY || !!io.env.CI);
  const shown = redact ? redactResults(results) : results;
  const formatter = await loadFormatter(options.format, cwd);
  const allRules = await resolver.allRules();
  const rulesMeta = Object.fromEntries([...allRules].map(([id, rule]) => [id, rule.meta]));
  const colorLevel = options.color === false || options.outputFile ? 0 : options.color === true ? 1 : new Chalk().level;
  const output = await formatter(shown, { cwd, rulesMeta, color: new Chalk({ level: colorLevel }), redacted: redact, version: packageVersion() });

  if (options.outputFile) {
    await writeFile(resolve(cwd, options.outputFile), output);
  } else if (output) {
    io.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  }

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr.write(`cftlint found too many warnings (maximum: ${options.maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

/** --quiet: ESLint keeps only the errors. */
function errorsOnly(result: LintResult): LintResult {
  const errors = result.messages.filter((m) => m.severity === 2);
  return { ...countResult(result.filePath, errors, result.suppressedMessages, result.source), output: result.output };
}
