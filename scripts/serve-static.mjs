// Serves a built renderer folder on 127.0.0.1 for the browser tests and `npm run start:web`.
// GH_CONTENT_SECURITY_POLICY, when set (the browser tests set the desktop app's own), is sent with every
// file as the desktop app's protocol sends it: a worker is held to the policy of its own script's
// response, not to the page's <meta> tag, so only a header shows what the policy allows in a worker.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist/renderer');
const port = Number(process.argv[3] ?? 4173);
const policy = process.env.GH_CONTENT_SECURITY_POLICY;
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const wanted = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  const file = normalize(join(root, wanted));
  if (!file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
  } catch {
    res.writeHead(404).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    ...(policy ? { 'Content-Security-Policy': policy } : {}),
  });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => {
  console.log(`Guiding Hands is at http://127.0.0.1:${port}/`);
});
