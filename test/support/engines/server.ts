/**
 * Serves rendered emails to the engines over plain HTTP on 127.0.0.1 (WebDriver navigates to a
 * URL; a data: URL would lose the page's origin and size limits). Images are rewritten so every
 * engine sees the same thing without the network: with images on, each `<img>` loads a stand-in
 * SVG of its own `width`×`height` (the proportions the html promises); with images off, each points
 * at a path that answers 404, the way an offline or image-blocking client leaves it broken.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ImageMode = 'on' | 'off';

export interface PageServer {
  /** Publishes an html document; returns its URL. */
  publish(html: string, images: ImageMode): string;
  close(): Promise<void>;
}

/** A grey photo stand-in with its size written on it, so screenshots show what loaded. */
function standIn(width: number, height: number): string {
  const font = Math.max(10, Math.round(Math.min(width, height) / 6));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#7d8c99"/><path d="M0 ${height} L${width * 0.35} ${height * 0.45} L${width * 0.6} ${height * 0.75} L${width * 0.8} ${height * 0.55} L${width} ${height} Z" fill="#4b5a66"/><text x="50%" y="40%" font-family="sans-serif" font-size="${font}" fill="#ffffff" text-anchor="middle">${width}×${height}</text></svg>`;
}

/** Proportions for an `<img>` without a height: a logo is wide, anything else 3:2. */
function sizeOf(tag: string): { width: number; height: number } {
  const width = Number(/\swidth="(\d+)"/.exec(tag)?.[1] ?? 0);
  const height = Number(/\sheight="(\d+)"/.exec(tag)?.[1] ?? 0);
  if (width && height) return { width, height };
  if (height) return { width: height * 4, height };
  return { width: width || 600, height: Math.round((width || 600) / 1.5) };
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const page = pages.get(url.pathname);
    const image = /^\/image\/(\d+)x(\d+)\.svg$/.exec(url.pathname);
    if (page !== undefined) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      response.end(page);
    } else if (url.pathname === '/favicon.ico') {
      // Browsers ask every origin for one; a site serves its own, and a 404 here is only noise in
      // the console (which Lighthouse's best-practices audit counts against the page).
      response.writeHead(204, { 'cache-control': 'max-age=3600' });
      response.end();
    } else if (image) {
      response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=3600' });
      response.end(standIn(Number(image[1]), Number(image[2])));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let next = 0;
  return {
    publish(html, images) {
      const rewritten = html.replace(/<img\b[^>]*>/g, (tag) =>
        tag.replace(/\ssrc="[^"]*"/, () => {
          const { width, height } = sizeOf(tag);
          return images === 'on'
            ? ` src="${origin}/image/${width}x${height}.svg"`
            : ` src="${origin}/blocked/${width}x${height}.jpg"`;
        }),
      );
      const path = `/page/${next++}.html`;
      pages.set(path, rewritten);
      return origin + path;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
