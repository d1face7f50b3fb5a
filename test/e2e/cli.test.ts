import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync, writeFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { cli, spawnCli, tempProject, FIXTURES, ONLY_CONTACT } from '../support/cli.js';

const phoneDraft = 'Thanks all!\n\nRing Sam on 020 7946 0123 tonight.\n';

describe('the built CLI (spawned)', () => {
  it('lints fixtures/drafts with no config: ESLint-style report, exit 1', () => {
    const dir = tempProject({ 'post.md': phoneDraft, 'fine.md': '# Hello\n\nWe are recruiting carers across Kent.\n' });
    const r = spawnCli(['.', '--no-redact'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(join(dir, 'post.md'));
    expect(r.stdout).toMatch(/ {2}3:13 {2}error {2}Phone number 020 7946 0123: .* {2}contact-details/);
    expect(r.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('exits 0 on clean drafts and prints nothing', () => {
    const dir = tempProject({ 'fine.md': '# Hello\n\nWe are recruiting carers across Kent.\n', '.cftlintrc.json': ONLY_CONTACT });
    const r = spawnCli(['.'], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('prints --version and --help, exit 0', () => {
    expect(spawnCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = spawnCli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--config', '--no-config-lookup', '--rule', '--format', '--fix-dry-run', '--stdin-filename', '--cache-location', '--max-warnings']) {
      expect(help.stdout).toContain(flag);
    }
  });

  it('redacts evidence under CI=true, in every output', () => {
    const dir = tempProject({ 'post.md': phoneDraft });
    const r = spawnCli(['.', '-f', 'json'], { cwd: dir, env: { CI: 'true' } });
    expect(r.stdout).not.toContain('7946');
    const [result] = JSON.parse(r.stdout);
    expect(result.messages[0].evidence).toEqual({ text: '0*** (phone number)', kind: 'phone number' });
    expect(result.source).toBeUndefined();
  });

  it('reads a draft on stdin', () => {
    const r = spawnCli(['--stdin', '--stdin-filename', 'note.txt', '-f', 'unix', '--no-redact'], { stdin: phoneDraft });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${join(process.cwd(), 'note.txt')}:3:13: Phone number 020 7946 0123`);
  });

  it('usage errors exit 2 with one line, no stack trace', () => {
    const r = spawnCli(['--max-warnings', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--max-warnings must be a whole number');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(spawnCli(['--no-such-flag']).code).toBe(2);
  });
});

describe('exit codes and patterns', () => {
  it('a pattern that matches nothing is an error (2) unless --no-error-on-unmatched-pattern', async () => {
    const dir = tempProject({ 'a.md': 'Hello.\n' });
    const r = await cli(['missing/**/*.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('No files matching the pattern "missing/**/*.md" were found.');
    expect((await cli(['missing/**/*.md', '--no-error-on-unmatched-pattern'], { cwd: dir })).code).toBe(0);
  });

  it('globs, directories and files, each file once', async () => {
    const dir = tempProject({ 'a/x.md': phoneDraft, 'a/y.txt': phoneDraft, 'b/z.md': 'fine\n', 'b/skip.js': 'x' });
    const r = await cli(['a/*.md', 'a', 'b/z.md', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual([join(dir, 'a/x.md'), join(dir, 'a/y.txt'), join(dir, 'b/z.md')]);
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const dir = tempProject({ 'p.md': phoneDraft, '.cftlintrc.json': JSON.stringify({ extends: [], rules: { 'contact-details': 'warn' } }) });
    expect((await cli(['.'], { cwd: dir })).code).toBe(0);
    const r = await cli(['.', '--max-warnings', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cftlint found too many warnings (maximum: 0).');
  });

  it('--quiet reports errors only', async () => {
    const dir = tempProject({ 'p.md': phoneDraft, '.cftlintrc.json': JSON.stringify({ extends: [], rules: { 'contact-details': 'warn' } }) });
    const r = await cli(['.', '--quiet', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)[0].messages).toEqual([]);
  });

  it('--rule adds or changes a rule from the command line', async () => {
    const dir = tempProject({ 'p.md': phoneDraft, '.cftlintrc.json': ONLY_CONTACT });
    expect((await cli(['.', '--rule', 'contact-details: off'], { cwd: dir })).code).toBe(0);
    const bad = await cli(['.', '--rule', 'nonsense'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rule expects');
  });

  it('-o writes the report to a file (redacted, no colour)', async () => {
    const dir = tempProject({ 'p.md': phoneDraft, '.cftlintrc.json': ONLY_CONTACT });
    const r = await cli(['.', '-o', 'report.txt', '--color'], { cwd: dir, tty: true });
    expect(r.stdout).toBe('');
    const report = readFileSync(join(dir, 'report.txt'), 'utf8');
    expect(report).toContain('0*** (phone number)');
    expect(report).not.toContain('\u001b[');
  });

  it('shows evidence on a terminal, and masks it with --redact', async () => {
    const dir = tempProject({ 'p.md': phoneDraft, '.cftlintrc.json': ONLY_CONTACT });
    expect((await cli(['.'], { cwd: dir, tty: true })).stdout).toContain('020 7946 0123');
    expect((await cli(['.', '--redact'], { cwd: dir, tty: true })).stdout).not.toContain('020 7946 0123');
    expect((await cli(['.'], { cwd: dir, tty: true, env: { CI: 'true' } })).stdout).not.toContain('020 7946 0123');
  });
});

describe('bad input never stops the run', () => {
  it('a text file named .jpg, a non-UTF-8 file, a binary .md and an empty image: one clear message each', async () => {
    const r = await cli([join(FIXTURES, 'bad'), '-f', 'json']);
    expect(r.code).toBe(1);
    const byName = Object.fromEntries(JSON.parse(r.stdout).map((x: { filePath: string; messages: { message: string; fatal: boolean }[] }) => [x.filePath.split('/').pop(), x.messages]));
    expect(byName['not-really-a-photo.jpg'][0]).toMatchObject({ fatal: true, ruleId: null });
    expect(byName['not-really-a-photo.jpg'][0].message).toContain('named as a JPEG image but its content is text');
    expect(byName['latin1-note.txt'][0].message).toContain('not valid UTF-8 text (invalid byte at offset 3)');
    expect(byName['binary-named.md'][0].message).toContain('is binary');
    expect(byName['empty.png'][0].message).toContain('the file is empty');
    expect(r.stderr).toBe('');
  });

  it('a file over --max-file-size is reported, the others are linted', async () => {
    const dir = tempProject({ 'big.md': 'x'.repeat(5000), 'p.md': phoneDraft, '.cftlintrc.json': ONLY_CONTACT });
    const r = await cli(['.', '-f', 'json', '--max-file-size', '1000'], { cwd: dir });
    const [big, p] = JSON.parse(r.stdout);
    expect(big.messages[0].message).toContain('too large');
    expect(p.messages[0].ruleId).toBe('contact-details');
  });
});

describe('ignore files', () => {
  const files = {
    'keep.md': phoneDraft,
    'archive/old.md': phoneDraft,
    'private/x.md': phoneDraft,
    'node_modules/pkg/readme.md': phoneDraft,
    '.gitignore': 'archive/\n',
    '.cftlintignore': 'private/\n',
    '.cftlintrc.json': ONLY_CONTACT,
  };
  const linted = async (args: string[], dir: string) =>
    JSON.parse((await cli([...args, '-f', 'json'], { cwd: dir })).stdout).map((r: { filePath: string }) => r.filePath.slice(dir.length + 1));

  it('honours .gitignore and .cftlintignore, always skips node_modules', async () => {
    const dir = tempProject(files);
    expect(await linted(['.'], dir)).toEqual(['keep.md']);
  });
  it('--no-ignore lints everything but node_modules', async () => {
    const dir = tempProject(files);
    expect(await linted(['.', '--no-ignore'], dir)).toEqual(['archive/old.md', 'keep.md', 'private/x.md']);
  });
  it('--ignore-path replaces the ignore files; --ignore-pattern adds patterns', async () => {
    const dir = tempProject({ ...files, 'my-ignore': 'keep.md\n' });
    expect(await linted(['.', '--ignore-path', 'my-ignore'], dir)).toEqual(['archive/old.md', 'private/x.md']);
    const allIgnored = await cli(['.', '--ignore-pattern', 'keep.md'], { cwd: dir });
    expect([allIgnored.code, allIgnored.stderr]).toEqual([2, "cftlint: All files matched by '.' are ignored.\n"]);
  });
  it('warns about an ignored file named explicitly', async () => {
    const dir = tempProject(files);
    const r = await cli(['archive/old.md', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)[0].messages[0]).toMatchObject({ severity: 1, message: expect.stringContaining('--no-ignore') });
  });
});

describe('--cache', () => {
  it('a second run does not re-read unchanged files; a changed file is linted again', async () => {
    const dir = tempProject({ 'a.md': phoneDraft, 'b.md': 'Fine.\n', '.cftlintrc.json': ONLY_CONTACT });
    const first = await cli(['.', '--cache', '--debug'], { cwd: dir });
    expect(first.stderr.match(/: linting/g)).toHaveLength(2);
    expect(existsSync(join(dir, '.cftlintcache'))).toBe(true);
    const second = await cli(['.', '--cache', '--debug'], { cwd: dir });
    expect(second.stderr).not.toContain(': linting');
    expect(second.stderr.match(/cache hit \(unchanged\), not read/g)).toHaveLength(2);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'b.md'), 'Call 020 7946 0999.\n');
    utimesSync(join(dir, 'b.md'), new Date(), new Date(Date.now() + 5000));
    const third = await cli(['.', '--cache', '--debug'], { cwd: dir });
    expect(third.stderr).toContain(`${join(dir, 'b.md')}: linting`);
    expect(third.stderr).not.toContain(`${join(dir, 'a.md')}: linting`);
  });

  it('a config change invalidates the cache; --cache-location moves it', async () => {
    const dir = tempProject({ 'a.md': phoneDraft, '.cftlintrc.json': ONLY_CONTACT });
    await cli(['.', '--cache', '--cache-location', 'cachedir/'], { cwd: dir });
    expect(existsSync(join(dir, 'cachedir/.cftlintcache'))).toBe(true);
    writeFileSync(join(dir, '.cftlintrc.json'), JSON.stringify({ extends: [], rules: { 'contact-details': 'warn' } }));
    const r = await cli(['.', '--cache', '--cache-location', 'cachedir/', '--debug'], { cwd: dir });
    expect(r.stderr).toContain(': linting');
    expect(r.code).toBe(0);
  });
});

describe('--list-rules, --print-config, --init', () => {
  it('lists rules with kind, default severity and description', async () => {
    const r = await cli(['--list-rules']);
    expect(r.stdout).toMatch(/contact-details\s+text\s+error\s+-\s+Phone numbers, email addresses and postcodes/);
  });
  it('prints the config for a file', async () => {
    const dir = tempProject({ '.cftlintrc.json': JSON.stringify({ extends: [], rules: { 'contact-details': ['warn', { email: false }] }, settings: { allowNames: ['Jo'] } }) });
    const r = await cli(['--print-config', 'x.md'], { cwd: dir });
    const printed = JSON.parse(r.stdout);
    expect(printed.rules).toEqual({ 'contact-details': ['warn', { allow: [], phone: true, email: false, postcode: true }] });
    expect(printed.settings).toEqual({ allowNames: ['Jo'] });
  });
  it('--init writes .cftlintrc.yaml that then loads', async () => {
    const dir = tempProject({ 'a.md': phoneDraft });
    const r = await cli(['--init'], { cwd: dir });
    expect(r.code).toBe(0);
    const written = readFileSync(join(dir, '.cftlintrc.yaml'), 'utf8');
    expect(written).toContain('extends: cftlint:recommended');
    expect(written).toMatch(/^# /m);
    expect((await cli(['.', '--print-config', 'a.md'], { cwd: dir })).code).toBe(0);
    expect((await cli(['--init'], { cwd: dir })).code).toBe(2);
  });
});

describe('progress', () => {
  it('draws a progress bar on a terminal for long runs, and nothing otherwise', async () => {
    const files: Record<string, string> = { '.cftlintrc.json': ONLY_CONTACT };
    for (let i = 0; i < 25; i++) files[`d${i}.md`] = 'fine\n';
    const dir = tempProject(files);
    const tty = await cli(['.'], { cwd: dir, stderrTty: true });
    expect(tty.stderr).toContain('25/25 files');
    expect(tty.stderr).toContain('[########################]');
    expect((await cli(['.'], { cwd: dir })).stderr).toBe('');
  });
});
