/** Encodes into `scratch`: native, and several times faster than a JavaScript loop over the email. */
const encoder = new TextEncoder();
/**
 * Reused by every call, so measuring allocates nothing. Fixed size, so a huge email never keeps a
 * buffer its size alive: longer text is encoded a window at a time.
 */
const scratch = new Uint8Array(64 * 1024);
/** UTF-16 units per window: at most 3 bytes each, so a window always fits in `scratch`. */
const window = scratch.length / 4;

/**
 * UTF-8 byte length of a string without keeping an encoded copy: `Buffer` is Node-only, and
 * `TextEncoder.encode` would allocate a copy of every email just to measure it. Lone surrogates
 * count as the three bytes of U+FFFD, as they are sent.
 */
export function utf8Length(text: string): number {
  if (text.length <= window) return encoder.encodeInto(text, scratch).written;
  let bytes = 0;
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + window, text.length);
    // Never cut a surrogate pair: its halves alone would each count as U+FFFD.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    // Each window is sliced once and encoded whole, so the cost stays linear in the text.
    bytes += encoder.encodeInto(text.slice(start, end), scratch).written;
    start = end;
  }
  return bytes;
}

const nonAscii = /[^\0-\x7f]/;

/**
 * UTF-8 bytes of `value` beyond one per UTF-16 unit (a lone surrogate counts as U+FFFD, 3 bytes):
 * for short strings, and for counting a document part by part as it is written (see `counted`
 * in template-runtime.ts), where encoding each part would cost more than this scan.
 */
export function utf8Extra(value: string): number {
  if (!nonAscii.test(value)) return 0;
  let extra = 0;
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) extra += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && (value.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      extra += 2;
      i += 1;
    } else extra += 2;
  }
  return extra;
}
