/**
 * Template compilation: MJML + Handlebars partials → one inlined HTML document that still holds
 * Handlebars expressions. This is the expensive step (MJML ≈ 6 ms, juice ≈ 3 ms), so it runs once
 * per template set: at build time for the default templates and `newsbrief build-templates`, once
 * per `createRenderer` for overrides. The packages it uses are optional peers, passed in.
 */
import { NewsbriefError } from '../errors.js';
import type { CompileSettings } from '../render/templates.js';
import type { CompilerPeers } from './peers.js';

/** Template sources by partial name (`layout`, `head`, `story`, `inline` for the inlined CSS, …). */
export type PartialSources = Record<string, string>;

interface Line {
  text: string;
  partial: string;
  line: number;
}

const partialCall = /\{\{>\s*([^}]*?)\s*\}\}/g;
const mustache = /\{\{!--[\s\S]*?--\}\}|\{\{\{[\s\S]*?\}\}\}|\{\{[\s\S]*?\}\}/g;
const tokenPattern = /nbhb(\d+)x/g;

/** Compiles partials into the Handlebars source of the whole email. */
export async function compileTemplate(
  partials: PartialSources,
  settings: CompileSettings,
  peers: CompilerPeers,
): Promise<string> {
  const { mjml2html, juice } = peers;
  for (const [name, source] of Object.entries(partials)) checkHandlebarsSyntax(name, source, peers);
  if (partials.layout === undefined)
    throw new NewsbriefError('Template set has no "layout" partial to start from.');

  const lines = assemble('layout', partials, []);
  const source = lines.map((line) => line.text).join('\n');
  const layoutValues: Record<string, string> = {
    'layout.width': String(settings.width),
    'layout.contentWidth': String(settings.width - 48),
  };
  const { text: mjmlSource, restore } = protectExpressions(source, layoutValues);

  const result = await mjml2html(mjmlSource, { validationLevel: 'soft', keepComments: false });
  const errors = result.errors.filter((error) => !/nbhb\d+x/.test(error.message));
  if (errors.length > 0) {
    const described = errors.map((error) => {
      const origin = lines[error.line - 1];
      const where = origin ? `partial "${origin.partial}" line ${origin.line}` : `line ${error.line}`;
      return `  - ${where} (<${error.tagName}>): ${error.message.trim()}`;
    });
    throw new NewsbriefError(`MJML rejected the templates:\n${described.join('\n')}`);
  }

  const css = partials.inline ? protectExpressions(partials.inline, layoutValues, restore.tokens).text : '';
  // Only our own rules are inlined: MJML's skeleton styles (table/td resets, `p { margin:13px 0 }`)
  // must stay in <head>, or juice would copy them onto every element and double the bytes.
  let html = juice.inlineContent(result.html, css, {
    applyAttributesTableElements: false,
    applyHeightAttributes: false,
    applyWidthAttributes: false,
    preserveImportant: true,
    xmlMode: false,
  });
  html = compactStyleAttributes(compactWhitespace(dropFullWidthColumnRules(html)));
  if (settings.minify) html = await minifyHtml(html, peers);
  return restore(html);
}

/** Checks one partial's Handlebars syntax so the error names the partial and its own line. */
function checkHandlebarsSyntax(name: string, source: string, peers: CompilerPeers): void {
  try {
    peers.handlebars.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new NewsbriefError(`Template partial "${name}" has a Handlebars syntax error: ${message}`);
  }
}

/**
 * Inlines `{{> name}}` partial calls before MJML runs: MJML must see the whole document to lay it
 * out, and a partial left for Handlebars would reach the output un-compiled.
 */
function assemble(name: string, partials: PartialSources, stack: string[]): Line[] {
  if (stack.includes(name)) {
    throw new NewsbriefError(`Template partial "${name}" includes itself: ${[...stack, name].join(' → ')}.`);
  }
  const source = partials[name];
  if (source === undefined) throw new NewsbriefError(`Template partial "${name}" does not exist.`);
  const out: Line[] = [];
  source.split('\n').forEach((text, index) => {
    const line = index + 1;
    let rest = text;
    let current: Line = { text: '', partial: name, line };
    partialCall.lastIndex = 0;
    let match: RegExpExecArray | null = partialCall.exec(rest);
    while (match) {
      const target = match[1] ?? '';
      if (!/^[A-Za-z][\w-]*$/.test(target)) {
        throw new NewsbriefError(
          `Template partial "${name}" line ${line}: partial calls take a name and no arguments, found {{> ${target}}}.`,
        );
      }
      if (partials[target] === undefined) {
        throw new NewsbriefError(
          `Template partial "${name}" line ${line} includes {{> ${target}}}, but no partial "${target}" exists.`,
        );
      }
      const included = assemble(target, partials, [...stack, name]);
      current.text += rest.slice(0, match.index);
      rest = rest.slice(match.index + match[0].length);
      const first = included[0];
      // A call alone on its line: MJML errors there belong to the included partial's first line.
      if (first && current.text.trim() === '') current = { ...first, text: current.text + first.text };
      else if (first) current.text += first.text;
      if (included.length > 1) {
        out.push(current);
        out.push(...included.slice(1, -1));
        const last = included[included.length - 1] as Line;
        current = { ...last };
      }
      partialCall.lastIndex = 0;
      match = partialCall.exec(rest);
    }
    current.text += rest;
    out.push(current);
  });
  return out;
}

interface Restore {
  (text: string): string;
  tokens: string[];
}

/**
 * Swaps every Handlebars expression for an inert token (`nbhb12x`) so MJML's attribute parsing,
 * juice's CSS parser and the minifier never see `{{`; `restore` puts the expressions back.
 * `layout.*` expressions are replaced by their compile-time values instead.
 */
function protectExpressions(
  source: string,
  layoutValues: Record<string, string>,
  tokens: string[] = [],
): { text: string; restore: Restore } {
  const text = source.replace(mustache, (expression) => {
    const name = expression.replace(/^\{+\s*|\s*\}+$/g, '');
    const fixed = layoutValues[name];
    if (fixed !== undefined) return fixed;
    tokens.push(expression);
    return `nbhb${tokens.length - 1}x`;
  });
  const restore = ((html: string) =>
    html.replace(tokenPattern, (token, index: string) => tokens[Number(index)] ?? token)) as Restore;
  restore.tokens = tokens;
  return { text, restore };
}

/**
 * Drops the indentation MJML emits between tags. Only whitespace that contains a line break is
 * touched, and only between tags and Handlebars expressions (or their `nbhb0x` tokens); spaces
 * inside text and inside MSO conditional comments stay as written. Keep a label and its text on
 * one line in templates.
 */
function compactWhitespace(html: string): string {
  return html
    .replace(/(>|\}\}|nbhb\d+x)\s*\n\s*(<|\{\{|nbhb\d+x)/g, '$1$2')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/<(\w+)\s+(?=[\w-]+=)/g, '<$1 ')
    .trim();
}

/**
 * juice writes `margin: 0 0 16px;` and the same rules repeat on every paragraph; without the
 * minifier those spaces would be most of the difference between `minify: false` and `true`.
 * Only spaces around `:` and `;` go, so font stacks (`'Segoe UI', Roboto`) stay as written.
 */
function compactStyleAttributes(html: string): string {
  return html.replace(
    styleAttribute,
    (_, css: string) => ` style="${css.replace(/\s*([:;])\s*/g, '$1').replace(/;$/, '')}"`,
  );
}

const styleAttribute = / style="([^"]*)"/g;
const fullWidthRule = String.raw`\.mj-column-per-100\s*\{[^}]*\}`;
const fullWidthMedia = new RegExp(
  String.raw`<style type="text/css">\s*@media only screen and \(min-width:\d+px\)\s*\{\s*${fullWidthRule}\s*\}\s*</style>`,
);
const fullWidthThunderbird = new RegExp(
  String.raw`<style media="screen and \(min-width:\d+px\)">\s*\.moz-text-html ${fullWidthRule}\s*</style>`,
);

/**
 * MJML writes a desktop media query (and a `.moz-text-html` copy for Thunderbird) per column width.
 * A 100% column already carries `width:100%` inline, so those two blocks change nothing: drop them
 * when they hold only the 100% rule. Multi-column overrides keep theirs.
 */
function dropFullWidthColumnRules(html: string): string {
  return html.replace(fullWidthMedia, '').replace(fullWidthThunderbird, '');
}

async function minifyHtml(html: string, { minify }: CompilerPeers): Promise<string> {
  if (minify === undefined) throw new NewsbriefError('Minifying templates needs html-minifier-terser.');
  return minify(html, {
    collapseWhitespace: true,
    conservativeCollapse: true,
    removeComments: true,
    // Outlook's conditional comments (<!--[if mso]>) carry the ghost tables: keep them.
    ignoreCustomComments: [/^\s*\[if /, /^\s*<!\[endif\]/, /^<!\[endif\]/, /^\[endif\]/],
    minifyCSS: true,
    removeEmptyAttributes: false,
    removeRedundantAttributes: false,
    keepClosingSlash: false,
    decodeEntities: false,
  });
}
