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
