import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';
import { CONTENT_SECURITY_POLICY } from './security';
import {
  STOPPED_PAGE_HTML,
  STOPPED_PAGE_PATH,
  STOPPED_PAGE_SCRIPT,
  STOPPED_SCRIPT_PATH,
} from './stopped-page';

/** Pages the main process itself serves, whatever the renderer folder holds. */
const BUILT_IN: Record<string, { body: string; type: string }> = {
  [STOPPED_PAGE_PATH]: { body: STOPPED_PAGE_HTML, type: 'text/html; charset=utf-8' },
  [STOPPED_SCRIPT_PATH]: { body: STOPPED_PAGE_SCRIPT, type: 'text/javascript; charset=utf-8' },
};

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Maps an app:// URL to a file inside the renderer folder, or null when the URL tries to leave it
 * (`..`, encoded separators, absolute paths, NUL bytes) or names another host.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const target = resolve(root, relativePath);
  const fromRoot = relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)) {
    return null;
  }
  return target;
}

/** Serves the built renderer from the app:// origin, every response carrying the strict policy. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Not allowed');
    const builtIn = builtInPage(request.url);
    if (builtIn) {
      return new Response(request.method === 'HEAD' ? null : builtIn.body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': builtIn.type },
      });
    }
    const file = resolveAppFile(rootDir, request.url);
    if (file === null) return plainResponse(403, 'Forbidden');
    try {
      const info = await stat(file);
      if (!info.isFile()) return plainResponse(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          ...SECURITY_HEADERS,
          'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        },
      });
    } catch {
      return plainResponse(404, 'Not found');
    }
  };
}

function builtInPage(url: string): { body: string; type: string } | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
    return Object.hasOwn(BUILT_IN, parsed.pathname) ? BUILT_IN[parsed.pathname] : null;
  } catch {
    return null;
  }
}

type ProtocolHandlerRegistrar = {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
};

/** Must run after the app is ready. */
export function serveRendererFrom(protocol: ProtocolHandlerRegistrar, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}
