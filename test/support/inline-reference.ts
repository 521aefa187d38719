/**
 * The inline parser newsbrief shipped before the linear scanner (src/normalize/inline.ts), kept
 * as the reference the scanner is compared with: same nodes on every input, except where a test
 * pins a deliberate difference. One fix is carried over: nothing inside a merge tag closes
 * emphasis (the old parser let `4*5 for *|FNAME|*` pair the lone `*` with the tag's). Quadratic on hostile input (each opener searched to the end
 * of the text for its closer); use it on short strings only.
 */
import type { InlineNode } from '../../src/normalize/inline.js';

const linkPattern = /\[([^\]\n]+)\]\(((?:[^\s()]|\([^\s()]*\))+)\)/y;
const wordChar = /[\p{L}\p{N}]/u;
const whitespace = /\s/;
const mailchimpTag = /\*\|[A-Za-z0-9_:-]+\|\*/y;
const markerChar = /[*_[]/g;

/** The previous `parseInline`, without its cache. */
export function referenceParseInline(source: string): InlineNode[] {
  return parseRun(source, true);
}

function nextMarker(source: string, from: number): number {
  markerChar.lastIndex = from;
  return markerChar.test(source) ? markerChar.lastIndex - 1 : source.length;
}

function parseRun(source: string, allowLinks: boolean): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    const next = nextMarker(source, i);
    if (next > i) {
      text += source.slice(i, next);
      i = next;
      if (i >= source.length) break;
    }
    const ch = source[i] as string;
    if (ch === '*' && source[i + 1] === '|') {
      mailchimpTag.lastIndex = i;
      const tag = mailchimpTag.exec(source);
      if (tag) {
        text += tag[0];
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '[') {
      if (allowLinks) {
        linkPattern.lastIndex = i;
        const match = linkPattern.exec(source);
        if (match?.[1]?.trim() && match[2]) {
          if (text) nodes.push({ type: 'text', value: text });
          text = '';
          nodes.push({ type: 'link', href: match[2], children: parseRun(match[1], false) });
          i += match[0].length;
          continue;
        }
      }
    } else if (ch === '*' && source[i + 1] === '*') {
      const end = findCloser(source, i + 2, '**');
      if (end > 0) {
        if (text) nodes.push({ type: 'text', value: text });
        text = '';
        nodes.push({ type: 'strong', children: parseRun(source.slice(i + 2, end), allowLinks) });
        i = end + 2;
        continue;
      }
    } else if (ch === '*' || !wordChar.test(source[i - 1] ?? '')) {
      const end = findCloser(source, i + 1, ch);
      if (end > 0) {
        if (text) nodes.push({ type: 'text', value: text });
        text = '';
        nodes.push({ type: 'em', children: parseRun(source.slice(i + 1, end), allowLinks) });
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  if (text) nodes.push({ type: 'text', value: text });
  return nodes;
}

/** Whether `at` (or the marker there) falls inside a `*|NAME|*` merge tag of `source`. */
function inMergeTag(source: string, at: number, length: number): boolean {
  for (const tag of source.matchAll(/\*\|[A-Za-z0-9_:-]+\|\*/g)) {
    if (at < tag.index + tag[0].length && at + length > tag.index) return true;
  }
  return false;
}

function findCloser(source: string, from: number, marker: string): number {
  if (from >= source.length || whitespace.test(source[from] ?? '')) return -1;
  let at = source.indexOf(marker, from);
  while (at > from) {
    if (inMergeTag(source, at, marker.length)) {
      at = source.indexOf(marker, at + 1);
      continue;
    }
    const before = source[at - 1] ?? '';
    const after = source[at + marker.length] ?? '';
    const singleStar = marker === '*' && (after === '*' || before === '*');
    const underscoreInWord = marker === '_' && wordChar.test(after);
    if (!whitespace.test(before) && !singleStar && !underscoreInWord) return at;
    at = source.indexOf(marker, at + 1);
  }
  return -1;
}
