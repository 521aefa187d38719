/** Encodes into `scratch`: native, and several times faster than a JavaScript loop over the email. */
const encoder = new TextEncoder();
/**
 * Reused by every call, so measuring allocates nothing. Fixed size, so a huge email never keeps a
 * buffer its size alive: longer text is encoded a chunk at a time.
 */
const scratch = new Uint8Array(64 * 1024);

/**
 * UTF-8 byte length of a string without keeping an encoded copy: `Buffer` is Node-only, and
 * `TextEncoder.encode` would allocate a copy of every email just to measure it. Lone surrogates
 * count as the three bytes of U+FFFD, as they are sent.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  let read = 0;
  while (read < text.length) {
    // encodeInto never splits a surrogate pair across calls: it stops before one that does not fit.
    const done = encoder.encodeInto(read === 0 ? text : text.slice(read), scratch);
    read += done.read;
    bytes += done.written;
  }
  return bytes;
}
