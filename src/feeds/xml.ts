/** XML text for the feeds: escaped so no story text can close an element or open one. */

const xmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Characters XML 1.0 does not allow at all, even escaped: C0 controls but tab and line breaks,
 * unpaired surrogates, U+FFFE and U+FFFF. Validation already refuses them in story text; URLs and
 * options reach here too, and one such character would make the whole feed unreadable.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing what XML forbids is the point
const controls = /[\0-\x08\x0b\x0c\x0e-\x1f]/;
const lone = /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const notXml = new RegExp(`${controls.source}|${lone.source}`, 'g');

/** Escapes text for element content and double- or single-quoted attributes. */
export function escapeXml(value: string): string {
  return value.replace(notXml, '').replace(/[&<>"']/g, (ch) => xmlEscapes[ch] as string);
}

/**
 * A CDATA section holding `value` as written. `]]>` would end the section early, so it is split
 * across two sections (`]]` ends the first, `>` starts the second): a parser joins them back.
 */
export function cdata(value: string): string {
  return `<![CDATA[${value.replace(notXml, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `<name>escaped text</name>`, or nothing for an absent value. */
export function element(name: string, value: string | undefined, attributes = ''): string {
  return value === undefined ? '' : `<${name}${attributes}>${escapeXml(value)}</${name}>`;
}
