/**
 * The command line, with ESLint's flags and exit codes: 0 no errors (and warnings within --max-warnings),
 * 1 lint errors or too many warnings, 2 usage, config or internal failure.
 */
import { Command, CommanderError, Option } from 'commander';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { Chalk } from 'chalk';
import { yamlModule } from '../yaml.js';
import picomatch from 'picomatch';
import type { LintResult, RuleEntry, RuleLevel, RuleMeta } from '../types.js';
import { ConfigError, ConfigResolver } from '../config/resolver.js';
import { discover, IgnoreFileError, IgnoreRules, isGlob, NoFilesError } from '../files/discover.js';
import { isLintable } from '../files/kind.js';
import { changedSince, GitError, readStaged, stagedFiles } from '../files/git.js';
import { parseShard, selectShard, ShardError } from '../files/shard.js';
import { ignoredResult, lintFiles, lintText, type LintFilesOptions } from '../engine/lint-files.js';
import { builtinRules } from '../engine/registry.js';
import { LintCache, DEFAULT_CACHE_LOCATION } from '../engine/cache.js';
import { countResult } from '../engine/linter.js';
import { runShutdownHooks, runtime } from '../engine/lifecycle.js';
import { loadFormatter, FormatterError, FORMATTER_NAMES } from '../formatters/index.js';
import { redactResults } from '../formatters/redact.js';
import { packageVersion } from '../paths.js';
import { startProgress } from './progress.js';
// --init, --list-rules, --print-config and `approve` load their modules when used: a lint run never needs them.

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  readStdin: () => Promise<string>;
  stdinIsTTY: boolean;
}

interface ReportOptions {
  format: string;
  outputFile?: string;
  quiet?: boolean;
  maxWarnings: number;
  color?: boolean;
  redact?: boolean;
}

interface Options extends ReportOptions {
  config?: string;
  configLookup: boolean;
  rule: string[];
  printConfig?: string;
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
  staged?: boolean;
  changedSince?: string;
  shard?: string;
}

class UsageError extends Error {}
class OutputError extends Error {}

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
      parsed = yamlModule().parse(flag, { logLevel: 'silent' });
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
    .option('--staged', 'lint the staged content of staged files (for pre-commit hooks)')
    .option('--changed-since <ref>', 'lint only files changed since a git ref (committed or not), e.g. a pull request base')
    .option('--shard <i/n>', 'lint only shard i of n of the file list (CI matrix jobs); merge with `cftlint merge-reports`')
    .option('--list-rules', 'list the available rules')
    .option('--init', 'write a commented .cftlintrc.yaml')
    .option('--debug', 'print what cftlint does to stderr')
    .version(packageVersion(), '-v, --version')
    .helpOption('-h, --help')
    .addHelpText('after', '\nCommands:\n  cftlint approve <file...> --by "Name"    record a second reviewer\'s sign-off\n  cftlint merge-reports <report.json...>  merge JSON reports of --shard runs\n')
    .showHelpAfterError('(run cftlint --help for usage)')
    .exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'merge-reports') return guarded(() => mergeReports(argv.slice(1), io), io);
  if (argv[0] === 'approve') return guarded(() => approve(argv.slice(1), io), io);
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
  return guarded(() => run(patterns, options, io, debug), io, debug);
}

const EXPECTED_ERRORS = [ConfigError, NoFilesError, FormatterError, UsageError, GitError, ShardError, IgnoreFileError, OutputError];

/** Runs a command; known failures print one line, anything else is a bug. Exit 2 either way. */
async function guarded(command: () => Promise<number>, io: CliIO, debug?: (line: string) => void): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    io.stderr.write(`cftlint: ${(error as Error).message}\n`);
    if (!EXPECTED_ERRORS.some((kind) => error instanceof kind)) {
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
  if (options.staged && options.fix) throw new UsageError('--fix is not supported with --staged (the index is not rewritten); fix the files and stage them again');
  if (options.init) return (await import('./init.js')).initConfig(cwd, io);

  const resolver = new ConfigResolver({
    cwd,
    configFile: options.config,
    useConfigLookup: options.configLookup,
    cliRules: parseRuleFlag(options.rule),
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ? ('error' as RuleLevel) : undefined,
  });
  if (options.printConfig) return (await import('./info.js')).printConfig(resolver, resolve(cwd, options.printConfig), io);
  if (options.listRules) return (await import('./info.js')).listRules(resolver, io);

  const concurrency = options.concurrency && options.concurrency > 0 ? options.concurrency : availableParallelism();
  runtime.concurrency = concurrency;
  const lintOptions: LintFilesOptions = {
    resolver,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    cache: options.cache ? LintCache.open(options.cacheLocation, cwd) : undefined,
    maxFileSize: options.maxFileSize,
    concurrency,
    debug,
    readContent: options.staged ? readStaged : undefined,
  };

  let results: LintResult[];
  if (options.stdin) {
    const filePath = options.stdinFilename ? resolve(cwd, options.stdinFilename) : '<text>';
    results = [await lintText(await io.readStdin(), filePath === '<text>' ? resolve(cwd, '<text>.md') : filePath, lintOptions)];
    if (filePath === '<text>') results[0]!.filePath = '<text>';
  } else {
    const { files, ignoredExplicitly } = await selectFiles(patterns, options, cwd);
    debug?.(`${files.length} file(s) to lint`);
    const progress = startProgress(io.stderr, files);
    results = [...(await lintFiles(files, { ...lintOptions, onFileDone: progress?.tick })), ...ignoredExplicitly.map(ignoredResult)];
    progress?.done();
  }
  const rulesMeta = Object.fromEntries([...(await resolver.allRules())].map(([id, rule]) => [id, rule.meta]));
  return report(results, options, io, rulesMeta);
}

/** Which files to lint: the patterns, narrowed to staged or changed files, and to one shard. */
async function selectFiles(patterns: string[], options: Options, cwd: string) {
  const ignoreOptions = { cwd, useIgnore: options.ignore, ignorePath: options.ignorePath, ignorePatterns: options.ignorePattern };
  const shard = options.shard ? parseShard(options.shard) : undefined;
  let files: string[];
  let ignoredExplicitly: string[] = [];
  if (options.staged) {
    // Staged files need not exist in the working copy any more: filter by name, not by walking the disk.
    const ignores = new IgnoreRules(ignoreOptions);
    files = (await stagedFiles(cwd)).filter((f) => isLintable(f) && !ignores.ignores(f) && withinPatterns(f, patterns, cwd)).sort();
  } else {
    ({ files, ignoredExplicitly } = await discover(patterns, { ...ignoreOptions, errorOnUnmatchedPattern: options.errorOnUnmatchedPattern && !options.changedSince && !shard }));
    if (options.changedSince) {
      const changed = new Set(await changedSince(cwd, options.changedSince));
      files = files.filter((f) => changed.has(f));
    }
  }
  if (shard) files = selectShard(files, shard);
  return { files, ignoredExplicitly };
}

/** True when a file is one of the patterns, under one of them, or matched by a glob pattern. */
function withinPatterns(file: string, patterns: string[], cwd: string): boolean {
  return patterns.some((pattern) => {
    const abs = resolve(cwd, pattern);
    if (file === abs || file.startsWith(abs.endsWith(sep) ? abs : abs + sep)) return true;
    return isGlob(pattern) && picomatch(pattern, { dot: true })(relative(cwd, file).split(sep).join('/'));
  });
}

/** Redacts, formats, writes, and decides the exit code. */
async function report(results: LintResult[], options: ReportOptions, io: CliIO, rulesMeta: Record<string, RuleMeta>): Promise<number> {
  const cwd = io.cwd;
  if (options.quiet) results = results.map(errorsOnly);
  const redact = options.redact ?? (!!options.outputFile || !io.stdout.isTTY || !!io.env.CI);
  const shown = redact ? redactResults(results) : results;
  const formatter = await loadFormatter(options.format, cwd);
  const colorLevel = options.color === false || options.outputFile ? 0 : options.color === true ? 1 : new Chalk().level;
  const output = await formatter(shown, { cwd, rulesMeta, color: new Chalk({ level: colorLevel }), redacted: redact, version: packageVersion() });

  if (options.outputFile) {
    // As ESLint does, the folder of the output file is created when missing.
    const target = resolve(cwd, options.outputFile);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, output);
    } catch (error) {
      throw new OutputError(`Cannot write the report to ${target}: ${(error as Error).message}`);
    }
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

/** `cftlint approve <file…> --by "Name"`: records a second reviewer's sign-off in each draft. */
async function approve(argv: string[], io: CliIO): Promise<number> {
  const program = new Command('cftlint approve')
    .description("record a second reviewer's sign-off (front matter for Markdown, <file>.review.yaml otherwise)")
    .argument('<files...>', 'drafts or images that were reviewed')
    .requiredOption('--by <name>', 'the reviewer (not the draft\'s author; one of settings.reviewers when set)')
    .option('--on <date>', 'review date, YYYY-MM-DD (default: today)')
    .option('-c, --config <file>', 'use this config file')
    .exitOverride();
  program.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program.parse(argv, { from: 'user' });
  const { by, on, config } = program.opts<{ by: string; on?: string; config?: string }>();
  const resolver = new ConfigResolver({ cwd: io.cwd, configFile: config });
  const { approveCommand } = await import('./approve.js');
  return approveCommand(program.args.map((f) => resolve(io.cwd, f)), {
    by,
    on,
    settingsFor: async (file) => (await resolver.forFile(file)).settings,
    out: (line) => io.stdout.write(`${line}\n`),
    err: (line) => io.stderr.write(`${line}\n`),
  });
}

/** `cftlint merge-reports a.json b.json …`: joins the JSON reports of CI shards and reports them as one run. */
async function mergeReports(argv: string[], io: CliIO): Promise<number> {
  const program = new Command('cftlint merge-reports')
    .description('merge JSON reports (e.g. from --shard runs) into one report')
    .argument('<reports...>', 'JSON reports written with -f json')
    .option('-f, --format <name|path>', 'output format', 'stylish')
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer('--max-warnings'), -1)
    .option('--color').option('--no-color')
    .option('--redact').option('--no-redact')
    .exitOverride();
  program.configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program.parse(argv, { from: 'user' });
  const byFile = new Map<string, LintResult>();
  for (const file of program.args) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(resolve(io.cwd, file), 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read report ${file}: ${(error as Error).message}`);
    }
    if (!Array.isArray(parsed)) throw new UsageError(`${file} is not a cftlint JSON report (expected an array of results)`);
    for (const result of parsed as LintResult[]) byFile.set(result.filePath, result);
  }
  const results = [...byFile.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const rulesMeta = Object.fromEntries([...(await builtinRules())].map(([id, rule]) => [id, rule.meta]));
  return report(results, program.opts<ReportOptions>(), io, rulesMeta);
}

/** --quiet: ESLint keeps only the errors. */
function errorsOnly(result: LintResult): LintResult {
  const errors = result.messages.filter((m) => m.severity === 2);
  return { ...countResult(result.filePath, errors, result.suppressedMessages, result.source), output: result.output };
}
