/**
 * Speed against peers, side by side: `npm run bench:peers` generates a corpus of Markdown drafts (5,000 files,
 * about 20 MB, mixed lengths, some with a child's details) in a temporary folder and times, interleaved over several
 * rounds, cftlint (all its text rules; the corpus has no images), textlint (no-todo, max-comma), alex and
 * markdownlint-cli2 on it, each as a user runs it (a fresh process on the whole folder). It also times start-up:
 * `cftlint one-file.md` against the floor `node -e ""`. Medians are printed as a table and written to
 * bench/RESULTS.md (section "Peers"), with the date, `nproc` and the node version.
 *
 * Options (environment): BENCH_FILES (5000), BENCH_MB (20), BENCH_ROUNDS (3), BENCH_STARTUP_RUNS (15).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

const FILES = Number(process.env.BENCH_FILES ?? 5000);
const TARGET_MB = Number(process.env.BENCH_MB ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 15);
const BIN = (name: string) => join(PACKAGE_ROOT, 'node_modules', '.bin', name);

// ---------------------------------------------------------------------------------------------------------------
// The corpus

/** A small deterministic PRNG (mulberry32), so every run lints the same corpus. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = [
  'Thank you to everyone who came along to the summer fair on Saturday afternoon.',
  'Our foster carers raised more than four hundred pounds for the new sensory room.',
  'If you have ever thought about fostering, our next information evening is on the first Tuesday of the month.',
  'Volunteers from the local rotary club ran the tombola, and the cake stall sold out by two o\'clock.',
  'Fostering is not always easy, but the support of our community makes an enormous difference.',
  'We are looking for carers who can offer a stable home to teenagers and sibling groups.',
  'The training programme covers attachment, trauma-informed care, safeguarding and life-story work.',
  'Our supervising social workers are available around the clock, every day of the year.',
  'Children\'s Family Trust has supported foster families across the region for more than twenty years.',
  'Every child deserves a safe, loving home where they can grow up and thrive.',
  'Please share this post with anyone who might be interested in becoming a foster carer.',
  'We will be back next year with an even bigger bouncy castle and, we hope, better weather.',
];
const DETAILS = [
  'Lily, aged 9, loved the face painting and the pony rides.',
  'Jamal (7) goes to Oakfield Academy and is in Year 3.',
  'Call Sarah, his foster carer, on 07700 900123 for more details.',
  'Tom was born on 3 March 2015 and lives on Oak Road in Maidstone.',
  'Our foster daughter Amira scored the winning goal for St Mary\'s Primary School.',
];
const HEADINGS = ['Summer fair', 'News from the Trust', 'Fostering information evening', 'Thank you', 'Upcoming events'];

/** One draft of about `bytes` characters: a heading, paragraphs, sometimes a list, a link and a child's details. */
function draft(rand: () => number, bytes: number, withDetails: boolean): string {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const parts = [`# ${pick(HEADINGS)}`, ''];
  let size = 0;
  while (size < bytes) {
    const kind = rand();
    let block: string;
    if (kind < 0.12) block = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => `- ${pick(PLAIN)}`).join('\n');
    else if (kind < 0.18) block = `## ${pick(HEADINGS)}`;
    else if (kind < 0.25) block = `${pick(PLAIN)} [Find out more](https://example.org/fostering/${Math.floor(rand() * 1000)}).`;
    else {
      const sentences = Array.from({ length: 2 + Math.floor(rand() * 5) }, () => pick(PLAIN));
      if (withDetails && rand() < 0.3) sentences.splice(Math.floor(rand() * sentences.length), 0, pick(DETAILS));
      block = sentences.join(' ');
    }
    parts.push(block, '');
    size += block.length + 1;
  }
  return parts.join('\n');
}

/** Writes the corpus: FILES drafts in 50 folders, lengths spread (log-uniform) around the mean, ~20% with details. */
function writeCorpus(dir: string): { files: number; bytes: number } {
  const rand = random(7);
  const mean = (TARGET_MB * 1024 * 1024) / FILES;
  let bytes = 0;
  for (let i = 0; i < FILES; i++) {
    const folder = join(dir, `drafts-${String(i % 50).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    // Log-uniform between mean/6 and mean*3.1 (its mean is about `mean`): many short posts, a few long ones.
    const size = Math.round((mean / 6) * Math.exp(rand() * Math.log(18.6)));
    const text = draft(rand, size, rand() < 0.2);
    writeFileSync(join(folder, `post-${i}.md`), text);
    bytes += Buffer.byteLength(text);
  }
  writeFileSync(join(dir, 'one-file.md'), draft(random(1), 2000, true));
  return { files: FILES, bytes };
}

// ---------------------------------------------------------------------------------------------------------------
// Timing

interface Tool {
  name: string;
  command: string[];
  /** What the tool checks, for the table. */
  what: string;
}

/** Wall time of one run in ms (a fresh process, as a user or a hook runs it); throws if the tool failed to run. */
function time(command: string[], cwd: string, okCodes = [0, 1]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command[0]!, command.slice(1), {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, CI: '', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error || !okCodes.includes(r.status ?? -1)) {
    throw new Error(`${command.join(' ')} failed (exit ${r.status}): ${r.error?.message ?? r.stderr.slice(0, 500)}`);
  }
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Checks cftlint really linted the corpus with its text rules: every file read, problems found, no fatal error. */
function checkCftlint(dir: string): { rules: string[]; problems: number } {
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin/cftlint.js'), '.', '-f', 'json', '--no-config-lookup'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const results = JSON.parse(r.stdout) as { messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
  const fatal = results.flatMap((x) => x.messages.filter((m) => m.fatal));
  if (results.length !== FILES + 1) throw new Error(`cftlint linted ${results.length} files, expected ${FILES + 1}`);
  if (fatal.length) throw new Error(`cftlint: ${fatal.length} fatal messages, e.g. ${fatal[0]!.message}`);
  const list = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin/cftlint.js'), '--list-rules'], { encoding: 'utf8' }).stdout;
  const rules = list.split('\n').filter((l) => /\btext\b/.test(l)).map((l) => l.trim().split(/\s+/)[0]!);
  return { rules, problems: results.reduce((n, x) => n + x.messages.length, 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, digits = 2) => n.toFixed(digits);

function writeResults(section: string): void {
  const path = join(PACKAGE_ROOT, 'bench', 'RESULTS.md');
  const start = '<!-- bench:peers:start -->';
  const end = '<!-- bench:peers:end -->';
  const block = `${start}\n${section}\n${end}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark results\n';
  const at = current.indexOf(start);
  const next = at >= 0 ? current.slice(0, at) + block + current.slice(current.indexOf(end) + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, next);
}

async function mainBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cftlint-bench-peers-'));
  try {
    process.stdout.write(`Generating ${FILES} drafts (~${TARGET_MB} MB) in ${dir}…\n`);
    const corpus = writeCorpus(dir);
    const mb = corpus.bytes / (1024 * 1024);
    const check = checkCftlint(dir);
    process.stdout.write(`cftlint text rules (${check.rules.length}): ${check.rules.join(', ')}; ${check.problems} problems in the corpus.\n`);

    const tools: Tool[] = [
      { name: 'cftlint', command: [process.execPath, join(PACKAGE_ROOT, 'bin/cftlint.js'), '.', '--no-config-lookup'], what: `${check.rules.length} text rules` },
      { name: 'textlint', command: [BIN('textlint'), '--no-textlintrc', '--rule', 'no-todo', '--rule', 'max-comma', '**/*.md'], what: 'no-todo, max-comma' },
      { name: 'alex', command: [BIN('alex'), '.'], what: 'retext-equality, retext-profanities' },
      { name: 'markdownlint-cli2', command: [BIN('markdownlint-cli2'), '**/*.md'], what: 'all default rules' },
    ];
    const times = new Map<string, number[]>(tools.map((t) => [t.name, []]));
    for (let round = 1; round <= ROUNDS; round++) {
      // Interleaved, the order rotating each round, so drift (caches, thermal) hits every tool alike.
      const order = tools.map((_, i) => tools[(i + round) % tools.length]!);
      for (const tool of order) {
        const ms = time(tool.command, dir);
        times.get(tool.name)!.push(ms);
        process.stdout.write(`  round ${round}: ${tool.name.padEnd(18)} ${fmt(ms / 1000)} s\n`);
      }
    }

    const floor: number[] = [];
    const startup: number[] = [];
    for (let i = 0; i < STARTUP_RUNS; i++) {
      floor.push(time([process.execPath, '-e', ''], dir, [0]));
      startup.push(time([process.execPath, join(PACKAGE_ROOT, 'bin/cftlint.js'), 'one-file.md', '--no-config-lookup'], dir));
    }

    const cftlint = median(times.get('cftlint')!);
    const rows = tools.map((tool) => {
      const ms = median(times.get(tool.name)!);
      return `| ${tool.name} | ${tool.what} | ${fmt(ms / 1000)} | ${fmt(corpus.files / (ms / 1000), 0)} | ${fmt(mb / (ms / 1000))} | ${tool.name === 'cftlint' ? '1.00' : fmt(cftlint / ms)} |`;
    });
    const peer = (name: string) => median(times.get(name)!);
    const startupRatio = median(startup) / median(floor);
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    const section = [
      '## Peers (`npm run bench:peers`)',
      '',
      `${new Date().toISOString().slice(0, 10)}; nproc ${availableParallelism()}; node ${process.version}. Corpus: ${corpus.files} Markdown drafts, ${fmt(mb, 1)} MB ` +
        `(generated, ~20% with a child's details). Each tool runs as a fresh process on the whole folder; median of ${ROUNDS} interleaved rounds.`,
      '',
      '| Tool | Rules | Wall time (s) | Files/s | MB/s | cftlint/peer (time) |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Start-up, median of ${STARTUP_RUNS}: \`cftlint one-file.md\` ${fmt(median(startup), 0)} ms, \`node -e ""\` ${fmt(median(floor), 0)} ms: ratio ${fmt(startupRatio)}.`,
      '',
      'Targets: ' +
        [
          `≥3× faster than textlint (time ratio ≤ 0.33): ${fmt(cftlint / peer('textlint'))}, ${verdict(cftlint / peer('textlint') <= 1 / 3)}`,
          `≥3× faster than alex: ${fmt(cftlint / peer('alex'))}, ${verdict(cftlint / peer('alex') <= 1 / 3)}`,
          `no slower than markdownlint-cli2 (≤ 1): ${fmt(cftlint / peer('markdownlint-cli2'))}, ${verdict(cftlint <= peer('markdownlint-cli2'))}`,
          `start-up ≤ 3× node: ${fmt(startupRatio)}, ${verdict(startupRatio <= 3)}`,
        ].join('; ') +
        '.',
    ].join('\n');
    process.stdout.write(`\n${section}\n`);
    writeResults(section);
    process.stdout.write('\nWritten to bench/RESULTS.md\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await mainBench();
