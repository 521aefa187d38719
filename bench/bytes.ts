/**
 * Where the bytes of a rendered email go: `tsx bench/bytes.ts` prints the split of the 5-story
 * edition and how many repeated stories fit under Gmail's 102,000-byte clip.
 */
import { pathToFileURL } from 'node:url';
import { createRenderer, type Renderer } from '../src/index.js';
import { longEdition, morningEdition } from './editions.js';

/** Gmail clips a message's html above about 102 KB. */
export const gmailClip = 102_000;

export interface ByteSplit {
  /** `<head>`: meta, MJML's skeleton styles, the dark-mode `<style data-embed>` block. */
  head: number;
  /** Of `head`, the dark-mode block. */
  darkModeStyle: number;
  /** The hidden preheader and its invisible padding. */
  preheader: number;
  /** Outlook's conditional comments (ghost tables). */
  msoConditionals: number;
  /** MJML's section/column/text wrappers (tables, divs) outside the story content. */
  skeleton: number;
  /** `style="…"` attributes inside the content (what juice inlined, plus inline link colours). */
  contentInlineStyles: number;
  /** Tags and other attributes inside the content, without their style attributes. */
  contentTags: number;
  /** Text the reader reads (entities included). */
  contentText: number;
  total: number;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const sum = (parts: string[]) => parts.reduce((total, part) => total + bytes(part), 0);

/** Splits an html document into the byte categories of {@link ByteSplit}. */
export function byteSplit(html: string): ByteSplit {
  const headEnd = html.indexOf('</head>') + '</head>'.length;
  const head = html.slice(0, headEnd);
  let body = html.slice(headEnd);
  const darkModeStyle = sum(head.match(/<style data-embed[\s\S]*?<\/style>/g) ?? []);
  const preheaderMatch = /<div class="nb-preheader"[\s\S]*?<\/div>/.exec(body);
  const preheader = preheaderMatch ? bytes(preheaderMatch[0]) : 0;
  if (preheaderMatch) body = body.replace(preheaderMatch[0], '');
  const conditionals = body.match(/<!--\[if [\s\S]*?<!\[endif\]-->/g) ?? [];
  body = body.replace(/<!--\[if [\s\S]*?<!\[endif\]-->/g, '');
  // mj-text content: the div MJML writes inside each text cell (content itself holds no <div>).
  const contents = [
    ...body.matchAll(/(<td[^>]*class="[^"]*nb-t[^"]*"[^>]*><div[^>]*>)([\s\S]*?)(<\/div><\/td>)/g),
  ].map((match) => match[2] ?? '');
  const content = contents.join('');
  const styles = content.match(/ style="[^"]*"/g) ?? [];
  const text = content.replace(/<[^>]*>/g, '');
  const total = bytes(html);
  return {
    head: bytes(head),
    darkModeStyle,
    preheader,
    msoConditionals: sum(conditionals),
    skeleton: bytes(body) - bytes(content),
    contentInlineStyles: sum(styles),
    contentTags: bytes(content) - sum(styles) - bytes(text),
    contentText: bytes(text),
    total,
  };
}

/** The largest number of repeated morning-edition stories whose html stays under the clip. */
export function storiesUnderClip(renderer: Renderer, limit = 100): number {
  let low = 1;
  let high = limit;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (renderer.render(longEdition(middle)).stats.htmlBytes < gmailClip) low = middle;
    else high = middle - 1;
  }
  return low;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const renderer = await createRenderer();
  const split = byteSplit(renderer.render(morningEdition()).html);
  const perCent = (value: number) => `${((value / split.total) * 100).toFixed(1)}%`;
  console.log('5-story edition, default templates, minified:');
  for (const [name, value] of Object.entries(split))
    console.log(`  ${name.padEnd(20)} ${String(value).padStart(6)} B  ${perCent(value)}`);
  const long = renderer.render(longEdition(25)).stats.htmlBytes;
  console.log(`25-story edition: ${long} B; stories under ${gmailClip} B: ${storiesUnderClip(renderer)}`);
}
