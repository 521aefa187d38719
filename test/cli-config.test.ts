/**
 * `newsbrief.config.json` / `.js` and the flags for the common options: the CLI sets what the
 * library can, and a misspelt or mistyped option is an error naming the config file and field.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { renderBriefing } from '../src/node/index.js';

const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
const examples = fileURLToPath(new URL('../examples/', import.meta.url));
const morning = join(examples, 'morning-edition.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd?: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [cli, ...args], { encoding: 'utf8', cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let project: string;
const config = (text: string, name = 'newsbrief.config.json') => writeFile(join(project, name), text);

beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'newsbrief-config-'));
});

describe('the config file', () => {
  it('--config with an options file renders exactly as the library does with those options', async () => {
    const optionsFile = join(examples, 'themed-edition.options.json');
    const input = JSON.parse(await readFile(join(examples, 'themed-edition.json'), 'utf8'));
    const options = JSON.parse(await readFile(optionsFile, 'utf8'));
    const result = await run(['render', join(examples, 'themed-edition.json'), '--config', optionsFile]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe((await renderBriefing(input, options)).html);
  });

  it('newsbrief.config.json in the working folder sets linkParams, labels, toc, limits and lint rules', async () => {
    await config(
      JSON.stringify({
        linkParams: { utm_source: 'desk' },
        labels: { contents: 'Inside today' },
        toc: { minStories: 2 },
        lint: { rules: { 'headline-length': 'off', 'story-length': { warn: 1, error: 2000 } } },
      }),
    );
    const rendered = await run(
      ['render', morning, '--text', 'out/morning.txt', '-o', 'out/morning.html'],
      project,
    );
    expect(rendered.code, rendered.stderr).toBe(0);
    const html = await readFile(join(project, 'out/morning.html'), 'utf8');
    expect(html).toContain('utm_source=desk');
    expect(html).toContain('Inside today');
    expect(rendered.stderr).not.toContain('[headline-length]');
    expect(rendered.stderr).toContain('[story-length]');
    const linted = await run(['lint', morning, '--format', 'json'], project);
    const rules = (JSON.parse(linted.stdout) as { warnings: { rule: string }[] }[])[0]?.warnings.map(
      (w) => w.rule,
    );
    expect(rules).toContain('story-length');
    expect(rules).not.toContain('headline-length');

    await config(JSON.stringify({ limits: { maxStories: 2 } }));
    const limited = await run(['render', morning], project);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(
      /morning-edition\.json:\d+:\d+: stories: expected at most 2 stories, found 5\n$/,
    );
  });

  it('newsbrief.config.js (CommonJS or ESM) and --config with a path', async () => {
    await config('module.exports = { linkParams: { utm_source: "cjs" } };\n', 'newsbrief.config.js');
    expect((await run(['render', morning], project)).stdout).toContain('utm_source=cjs');
    await mkdir(join(project, 'conf'));
    await writeFile(join(project, 'conf/brand.mjs'), 'export default { theme: "../theme.json" };\n');
    await writeFile(join(project, 'theme.json'), '{ "brandColor": "#c8102e" }');
    const result = await run(['render', morning, '--config', 'conf/brand.mjs'], project);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('#c8102e');
  });

  it('flags win over the config: --link-param (repeatable) and --toc', async () => {
    await config(JSON.stringify({ linkParams: { utm_source: 'config', utm_medium: 'email' } }));
    const result = await run(
      ['render', morning, '--link-param', 'utm_source=flag', '--link-param', 'utm_campaign=am', '--toc'],
      project,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('utm_source=flag&amp;utm_medium=email&amp;utm_campaign=am');
    expect(result.stdout).toContain('In this edition');
  });
});

describe('config errors name the file, the line and the fix', () => {
  it.each([
    [
      '{\n  "linkparams": { "utm_source": "x" }\n}',
      ':2:17: linkparams: unknown field; did you mean "linkParams"?',
    ],
    [
      '{ "theme": { "brandColour": "#c8102e" } }',
      ':1:30: theme.brandColour: unknown field; did you mean "brandColor"?',
    ],
    [
      '{\n  "toc": { "minStories": 0 }\n}',
      ':2:26: toc.minStories: expected a whole number of at least 1, found number 0',
    ],
    ['{ "toc": { "min_stories": 2 } }', ':1:27: toc.min_stories: unknown field; did you mean "minStories"?'],
    ['{ "labels": { "Contents": "x" } }', ':1:28: labels.Contents: unknown field; did you mean "contents"?'],
    [
      '{ "linkParams": { "utm_source": 5 } }',
      ':1:33: linkParams.utm_source: expected a string, found number 5',
    ],
    [
      '{ "limits": { "max_stories": 5 } }',
      ':1:30: limits.max_stories: unknown field; did you mean "maxStories"?',
    ],
    [
      '{ "lint": { "rules": { "storry-length": "off" } } }',
      ': Lint option rules.storry-length: unknown rule; did you mean "story-length"?',
    ],
    ['[1, 2]', ':1:1: (root): expected an object of options'],
  ])('%s', async (text, message) => {
    await config(text);
    const result = await run(['render', morning], project);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`newsbrief.config.json${message}`);
  });

  it('two config files in one folder are refused', async () => {
    await config('{}');
    await config('export default {};', 'newsbrief.config.mjs');
    const result = await run(['lint', morning], project);
    expect(result.stderr).toBe(
      'newsbrief.config.json, newsbrief.config.mjs: more than one config file in this folder; keep one\n',
    );
  });
});
