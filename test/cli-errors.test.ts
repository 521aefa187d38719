/**
 * CLI failures as a person meets them: one line per problem naming the file (and line and column
 * where there is one), exit code 1, never a stack trace; and terminal controls shown visibly.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./artifacts/build/cli.js', import.meta.url));
const morning = fileURLToPath(new URL('../examples/morning-edition.json', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      'node',
      [cli, ...args],
      { encoding: 'utf8', cwd: options.cwd },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  });
}

/** A failure: exit 1, nothing on stdout, stderr exactly `lines`, and no stack frame anywhere. */
function expectFailure(result: Run, lines: (string | RegExp)[]): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  const printed = result.stderr.trimEnd().split('\n');
  expect(printed).toHaveLength(lines.length);
  lines.forEach((line, index) => {
    if (typeof line === 'string') expect(printed[index]).toBe(line);
    else expect(printed[index]).toMatch(line);
  });
}

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsbrief-cli-errors-'));
});

describe('JSON syntax errors', () => {
  it.each([
    [
      'trailing comma',
      '{\n  "title": "T",\n  "stories": [\n    { "headline": "H", },\n  ]\n}\n',
      '4:24: not valid JSON: found "}" after a trailing comma; JSON allows no comma before a closing bracket',
    ],
    [
      'single quotes',
      "{\n  'title': 'T'\n}",
      "2:3: not valid JSON: found ' ; JSON strings and keys use double quotes",
    ],
    [
      'unquoted key',
      '{\n  "title": "T",\n  stories: []\n}',
      '3:3: not valid JSON: found "s"; JSON keys are written in double quotes',
    ],
    [
      'cut short',
      '{\n  "title": "T",\n  "stories": [',
      '3:15: not valid JSON: the text ends early; a closing "}", "]" or \'"\' is missing',
    ],
  ])('%s: file:line:col and what was found', async (_name, text, message) => {
    await writeFile(at('broken.json'), text);
    expectFailure(await run(['render', at('broken.json')]), [`${at('broken.json')}:${message}`]);
  });

  it('names stdin as <stdin>', async () => {
    expectFailure(await run(['render', '-'], { stdin: '{"title": "T",, }' }), [
      '<stdin>:1:15: not valid JSON: found "," where it cannot stand',
    ]);
  });
});

describe('a UTF-8 byte order mark is accepted', () => {
  const bom = '\uFEFF';
  it.each([
    ['a JSON briefing', 'bom.json', JSON.stringify({ headline: 'BOM story', lede: 'One line.' })],
    ['a Markdown briefing', 'bom.md', '# BOM story\n\nOne line.\n'],
    ['a plain-text briefing', 'bom.txt', 'BOM story\n\nOne line.\n'],
  ])('in %s', async (_name, file, text) => {
    await writeFile(at(file), `${bom}${text}`);
    const result = await run(['render', at(file)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('BOM story');
  });

  it('on stdin, in a theme file and in a config file', async () => {
    await writeFile(at('bom-theme.json'), `${bom}{"brandColor": "#c8102e"}`);
    await mkdir(at('bom-project'), { recursive: true });
    await writeFile(at('bom-project/newsbrief.config.json'), `${bom}{"linkParams": {"utm_source": "bom"}}`);
    const result = await run(['render', '-', '--theme', at('bom-theme.json')], {
      stdin: `${bom}${JSON.stringify({ headline: 'From stdin', source: { url: 'https://example.com/a' } })}`,
      cwd: at('bom-project'),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('#c8102e');
    expect(result.stdout).toContain('utm_source=bom');
  });
});

describe('validation errors point at the source', () => {
  it('Markdown: file:line:col: path: message, one line per issue', async () => {
    const text =
      '# Fed holds rates\n\nThe lede [link](javascript:alert(1)).\n\n# Second story\n\nA lede.\n\n- one\n- two [x](ftp://x.org/a)\n';
    await writeFile(at('issues.md'), text);
    expectFailure(await run(['render', at('issues.md')]), [
      `${at('issues.md')}:3:1: stories[0].lede: link expected an https:, http: or mailto: URL, found a javascript: URL "javascript:alert(1)"`,
      /^.*issues\.md:10:1: stories\[1\]\.sections\[0\]\.body\[0\]\.bullets\[1\]: link /,
    ]);
  });

  it('plain text: the line of the field', async () => {
    await writeFile(at('issues.txt'), 'Headline\n\nLede.\n\nWhy it matters: see [this](data:text/html,x).\n');
    const result = await run(['lint', at('issues.txt')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `${at('issues.txt')}:5:1: error stories[0].sections[0].body[0].paragraph: link`,
    );
  });

  it('JSON: the line of the field, and unknown fields with what was meant', async () => {
    const json =
      '{\n  "title": "T",\n  "stories": [\n    {\n      "headline": "H",\n      "why_it_matters": "x"\n    }\n  ]\n}\n';
    await writeFile(at('unknown.json'), json);
    expectFailure(await run(['render', at('unknown.json')]), [
      `${at('unknown.json')}:6:26: stories[0].why_it_matters: unknown field; did you mean "whyItMatters"?`,
    ]);
  });

  it('a parse error: file:line:col', async () => {
    await writeFile(at('empty-heading.md'), '# Story\n\nLede.\n\n## \n\nText.\n');
    expectFailure(await run(['render', at('empty-heading.md')]), [
      `${at('empty-heading.md')}:5:1: a "## " heading needs label text after the "##"`,
    ]);
  });
});

describe('files and folders', () => {
  it('creates the folders of -o and --text', async () => {
    const html = at('out/deep/er/edition.html');
    const text = at('out/text/edition.txt');
    const result = await run(['render', morning, '-o', html, '--text', text]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(html, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(await readFile(text, 'utf8')).not.toBe('');
  });

  it('a missing file and a folder given to render', async () => {
    expectFailure(await run(['render', at('nope.json')]), [`${at('nope.json')}: no such file or folder`]);
    expectFailure(await run(['render', dir]), [`${dir}: is a folder; expected a file`]);
  });

  it('lint reads the .json, .md and .txt files of a folder', async () => {
    const folder = at('desk');
    await mkdir(join(folder, 'monday'), { recursive: true });
    await mkdir(join(folder, 'node_modules'), { recursive: true });
    await writeFile(join(folder, 'a.md'), '# Story one\n\nA lede.\n\n**Why it matters:** Because.\n');
    await writeFile(join(folder, 'monday/b.txt'), 'Story two\n\nA lede.\n\nWhy it matters: Because.\n');
    await writeFile(join(folder, 'c.json'), JSON.stringify({ headline: 'Story three', lede: 'A lede.' }));
    await writeFile(join(folder, 'notes.csv'), 'not a briefing');
    await writeFile(join(folder, 'newsbrief.config.json'), '{"toc": true}');
    await writeFile(join(folder, 'node_modules/x.json'), '{');
    const result = await run(['lint', folder, '--format', 'json']);
    const reports = JSON.parse(result.stdout) as { file: string; error?: string }[];
    expect(reports.map((report) => report.file)).toEqual([
      join(folder, 'a.md'),
      join(folder, 'c.json'),
      join(folder, 'monday/b.txt'),
    ]);
    expect(reports.every((report) => report.error === undefined)).toBe(true);
    await mkdir(at('no-briefings'), { recursive: true });
    expectFailure(await run(['lint', at('no-briefings')]), [
      `${at('no-briefings')}: no .json, .md or .txt files in this folder`,
    ]);
  });
});

describe('--theme', () => {
  it('a theme name instead of a file says it expects a JSON file', async () => {
    expectFailure(await run(['render', morning, '--theme', 'dark']), [
      'dark: --theme expects a JSON file of theme tokens, such as theme.json holding {"brandColor": "#c8102e"}; there are no named themes',
    ]);
  });

  it('an options file passed as a theme is refused, not rendered with the default theme', async () => {
    await writeFile(
      at('options.json'),
      JSON.stringify({ theme: { brandColor: '#c8102e' }, linkParams: { a: 'b' } }),
    );
    const result = await run(['render', morning, '--theme', at('options.json')]);
    expectFailure(result, [
      `${at('options.json')}: this is an options file (it sets "theme", "linkParams"), not a theme; pass it as --config ${at('options.json')}, or pass only its theme tokens to --theme`,
    ]);
  });

  it('a bad theme file is named as the theme file, at the token, with what was meant', async () => {
    await writeFile(at('theme.json'), '{\n  "brandColour": "#c8102e",\n  "width": 2000\n}\n');
    const result = await run(['render', morning, '--theme', at('theme.json')]);
    expect(result.stderr).not.toContain('Invalid briefing');
    expectFailure(result, [
      `${at('theme.json')}:3:12: theme file: width: expected a width of at most 800 px, found 2000`,
      `${at('theme.json')}:2:19: theme file: brandColour: unknown field; did you mean "brandColor"?`,
    ]);
  });
});

describe('preview startup', () => {
  it('a port out of range is one line', async () => {
    const result = await run(['preview', morning, '--port', '70000']);
    expectFailure(result, [/argument '70000' is invalid\. expected a port number from 0 to 65535/]);
  });

  it('a port in use is one line naming the address', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      expectFailure(await run(['preview', morning, '--port', String(port)]), [
        `127.0.0.1:${port}: already in use; stop what uses it, or pick another with --port (0 picks a free one)`,
      ]);
    } finally {
      server.close();
    }
  });
});

describe('unexpected errors', () => {
  it('a templates module that throws while loading is one line, not a stack', async () => {
    await writeFile(at('throws.mjs'), 'throw new TypeError("boom\\n  at somewhere");\n');
    expectFailure(await run(['render', morning, '--templates', at('throws.mjs')]), [
      `${at('throws.mjs')}: cannot load the templates module: boom`,
    ]);
  });
});

describe('terminal control sequences in input are shown, not run', () => {
  const hostile = 'Fed \u001b[2J\u001b]0;pwned\u0007holds \u009b31mrates';

  it('in lint findings, parse reports and error messages', async () => {
    const file = at('esc\u001b[31m.txt');
    await writeFile(file, `${hostile}\n\n${'A lede that runs on. '.repeat(3)}\n`);
    const lint = await run(['lint', file]);
    const parse = await run(['parse', file]);
    const parseJson = await run(['parse', file, '--format', 'json']);
    const missing = await run(['render', at('gone\u001b[2J.json')]);
    for (const output of [lint.stdout, parse.stdout, parseJson.stdout, missing.stderr]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
      expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
    expect(lint.stdout).toContain('esc\\u001b[31m.txt:');
    expect(parse.stdout).toContain('Fed \\u001b[2J\\u001b]0;pwned\\u0007holds \\u009b31mrates');
    expect(JSON.parse(parseJson.stdout).briefing.stories[0].headline).toBe(hostile);
    expect(missing.stderr).toContain('gone\\u001b[2J.json: no such file or folder');
  });
});
