import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, ROOT } from '../support/cli.js';

/** Every `cftlint …` command in a documented snippet must use flags that exist. */
async function checkCommands(text: string, where: string) {
  const help = (await cli(['--help'])).stdout;
  const commands = [...text.matchAll(/(?:npx )?cftlint ((?:[^\n'"`|]|\$\{\{[^}]*\}\})*)/g)].map((m) => m[1]!);
  expect(commands.length, where).toBeGreaterThan(0);
  for (const command of commands) {
    for (const flag of command.match(/(?<=^|\s)--?[a-z][a-z-]*/g) ?? []) {
      expect(help.includes(flag) || ['merge-reports', 'approve'].some((c) => command.startsWith(c)), `${where}: ${flag} in "${command}"`).toBe(true);
    }
  }
}

describe('documented CI and hook snippets', () => {
  for (const file of ['docs/ci/github-actions.yml', 'docs/ci/gitlab-ci.yml', '.pre-commit-hooks.yaml']) {
    it(`${file} is valid YAML and its cftlint commands use real flags`, async () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(() => parse(text)).not.toThrow();
      if (!file.startsWith('.pre-commit')) await checkCommands(text, file);
    });
  }
  it('.pre-commit-hooks.yaml declares the cftlint hook for text and image files', () => {
    const [hook] = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
    expect(hook).toMatchObject({ id: 'cftlint', entry: 'cftlint', language: 'node', types_or: ['markdown', 'plain-text', 'image'] });
  });
  it("the README's commands use real flags", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```(?:sh|yaml|json)?\n([\s\S]*?)```/g)].map((m) => m[1]!).join('\n');
    await checkCommands(blocks, 'README.md');
  });
});
