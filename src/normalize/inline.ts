/**
 * The inline Markdown subset of story text: `**bold**`, `*italic*` / `_italic_`, `[label](url)`.
 * Anything that does not form one of these is literal text, so `<`, `{{`, `*` and `[` stay as typed.
 */

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] };

const linkPattern = /^\[([^\]\n]+)\]\(((?:[^\s()]|\([^\s()]*\))+)\)/;
const wordChar = /[\p{L}\p{N}]/u;
/** Mailchimp merge tags (`*|FNAME|*`) are literal text, not emphasis around `|FNAME|`. */
const mailchimpTag = /^\*\|[A-Za-z0-9_:-]+\|\*/;

/** Splits story text into inline nodes. Never throws: unmatched markers are text. */
export function parseInline(source: string): InlineNode[] {
  return parseRun(source, true);
}

function parseRun(source: string, allowLinks: boolean): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ type: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const tag = ch === '*' && source[i + 1] === '|' ? mailchimpTag.exec(source.slice(i)) : null;
    if (tag) {
      text += tag[0];
      i += tag[0].length;
      continue;
    }
    if (ch === '[' && allowLinks) {
      const match = linkPattern.exec(source.slice(i));
      if (match?.[1]?.trim() && match[2]) {
        flush();
        nodes.push({ type: 'link', href: match[2], children: parseRun(match[1], false) });
        i += match[0].length;
        continue;
      }
    } else if (ch === '*' && source[i + 1] === '*') {
      const end = findCloser(source, i + 2, '**');
      if (end > 0) {
        flush();
        nodes.push({ type: 'strong', children: parseRun(source.slice(i + 2, end), allowLinks) });
        i = end + 2;
        continue;
      }
    } else if (ch === '*' || (ch === '_' && !wordChar.test(source[i - 1] ?? ''))) {
      const end = findCloser(source, i + 1, ch);
      if (end > 0) {
        flush();
        nodes.push({ type: 'em', children: parseRun(source.slice(i + 1, end), allowLinks) });
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  flush();
  return nodes;
}

/**
 * Finds the closing marker for an opener whose content starts at `from`. Content must not start
 * or end with whitespace (so `5 * 3 * 2` stays literal), and an underscore must close a word.
 */
function findCloser(source: string, from: number, marker: string): number {
  if (from >= source.length || /\s/.test(source[from] ?? '')) return -1;
  let at = source.indexOf(marker, from);
  while (at > from) {
    const before = source[at - 1] ?? '';
    const after = source[at + marker.length] ?? '';
    const singleStar = marker === '*' && (after === '*' || before === '*');
    const underscoreInWord = marker === '_' && wordChar.test(after);
    if (!/\s/.test(before) && !singleStar && !underscoreInWord) return at;
    at = source.indexOf(marker, at + 1);
  }
  return -1;
}

/** Every link target in the text, for validation. */
export function inlineLinks(nodes: InlineNode[]): string[] {
  const hrefs: string[] = [];
  const walk = (list: InlineNode[]) => {
    for (const node of list) {
      if (node.type === 'link') hrefs.push(node.href);
      if (node.type !== 'text') walk(node.children);
    }
  };
  walk(nodes);
  return hrefs;
}

/** The text a reader sees, markers removed; links as their label. */
export function inlinePlain(nodes: InlineNode[]): string {
  return nodes.map((node) => (node.type === 'text' ? node.value : inlinePlain(node.children))).join('');
}
