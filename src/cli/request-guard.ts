/**
 * The preview server's door: it answers the editor page it served and nothing else. It listens on
 * 127.0.0.1 only, but any web page the user has open can still reach that address, by name
 * through DNS rebinding (a hostname of the attacker's that resolves to 127.0.0.1 makes the page
 * same-origin with the server) or cross-origin by URL. The first is told by the `Host` header,
 * the second by `Origin` and `Sec-Fetch-Site`, which a page's script cannot set.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Why a request is refused: its HTTP status and a one-line reason. */
export interface Refusal {
  /** 421 Misdirected Request for a foreign `Host`, 403 Forbidden for a cross-origin request. */
  status: 421 | 403;
  reason: string;
}

/** `Sec-Fetch-Site` values of the server's own page (`same-origin`) and of a typed URL (`none`). */
const ownSites = new Set(['same-origin', 'none']);

/**
 * Why the preview server must refuse `request`, or `undefined` when it comes from its own page or
 * the user's address bar. The port is the one the request arrived on, so the guard holds whatever
 * port the server was started with.
 */
export function refusal(request: IncomingMessage): Refusal | undefined {
  const port = request.socket.localPort;
  const host = request.headers.host?.toLowerCase();
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
    return {
      status: 421,
      reason: `Refused: this preview answers to http://127.0.0.1:${port}/ or http://localhost:${port}/ only, not to Host ${host === undefined ? '(none)' : JSON.stringify(host)}.`,
    };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return {
      status: 403,
      reason: `Refused: a request from ${JSON.stringify(origin)}, not from this preview.`,
    };
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && !ownSites.has(site)) {
    return { status: 403, reason: `Refused: a ${site} request, not from this preview.` };
  }
  return undefined;
}

/**
 * Answers a request the preview must refuse (see `refusal`) with its status and reason, and says
 * whether it did: call it first in the request handler and stop when it returns `true`.
 */
export function refuseForeignRequest(request: IncomingMessage, response: ServerResponse): boolean {
  const refused = refusal(request);
  if (refused === undefined) return false;
  response.writeHead(refused.status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(`${refused.reason}\n`);
  return true;
}
