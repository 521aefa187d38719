/** Inline nodes → safe HTML. Every character of story text is escaped; only our own tags are emitted. */
import type { InlineNode } from '../normalize/inline.js';
import { isMergeTag } from '../normalize/links.js';

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const needsEscape = /[&<>"']/;
const escapeChars = /[&<>"']/g;

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  // Most story text has nothing to escape: skip the replace and its callback then.
  return needsEscape.test(value) ? value.replace(escapeChars, (ch) => htmlEscapes[ch] as string) : value;
}

/**
 * An `href` value ready to write between quotes. ESP merge tags pass verbatim (the ESP replaces
 * them after sending; `<%…%>` escaped would never be found); their patterns contain no quote.
 */
export function hrefAttribute(href: string): string {
  return isMergeTag(href) ? href : escapeHtml(href);
}

/**
 * Renders inline nodes; in the email links carry their colour inline because Gmail's app drops
 * `<style>`. The web page styles links from its stylesheet: `linkStyle` '' writes no `style`.
 */
export function inlineHtml(nodes: readonly InlineNode[], linkStyle: string): string {
  let out = '';
  const style = linkStyle === '' ? '' : ` style="${linkStyle}"`;
  for (const node of nodes) {
    if (node.type === 'text') out += escapeHtml(node.value);
    else if (node.type === 'strong') out += `<strong>${inlineHtml(node.children, linkStyle)}</strong>`;
    else if (node.type === 'em') out += `<em>${inlineHtml(node.children, linkStyle)}</em>`;
    else out += `<a href="${hrefAttribute(node.href)}"${style}>${inlineHtml(node.children, linkStyle)}</a>`;
  }
  return out;
}
