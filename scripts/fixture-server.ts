/** A static file server on 127.0.0.1 for fixture and demo pages; it records every request path. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const PAGES_DIR = resolve(import.meta.dirname, '../tests/fixtures/pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface FixtureServer {
  origin: string;
  url: (path: string) => string;
  requests: string[];
  close: () => Promise<void>;
}

/** Generates a page for a path (with extra headers, e.g. a CSP), or undefined to serve files. */
export type PageRoute = (
  path: string,
) => string | { body: string; headers?: Record<string, string> } | undefined;

/** Serves `root` (and any generated pages) until closed; requests outside it get 404. */
export async function startFixtureServer(root = PAGES_DIR, route?: PageRoute): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const generated = route?.(path);
    if (generated !== undefined) {
      const { body, headers = {} } = typeof generated === 'string' ? { body: generated } : generated;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
      return;
    }
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
