import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Everything a client can reach, read from the source (not from a list kept
 * by hand), so a test can insist that each item has been thought about:
 * route handlers, pages, server actions and socket.io events.
 */
const root = path.resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'generated') continue;
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(rel));
    else out.push(rel);
  }
  return out.sort();
}

/** `app/api/cases/[id]/route.ts` → `/api/cases/[id]`; route groups `(x)` and private folders are not part of the URL. */
function urlOf(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split('/')
    .slice(1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** `METHOD /path` for each HTTP method each `route.ts` under app/ exports. */
export function routeHandlers(): string[] {
  const handlers: string[] = [];
  for (const file of filesUnder('app').filter((f) => /\/route\.(ts|tsx|js)$/.test(f))) {
    const source = readFileSync(path.join(root, file), 'utf8');
    const methods = new Set<string>();
    for (const m of source.matchAll(/export\s+(?:const|let|async\s+function|function)\s+([A-Z]+)\b/g)) methods.add(m[1]);
    for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
      for (const part of m[1].split(','))
        methods.add(
          part
            .trim()
            .split(/\s+as\s+/)
            .at(-1)!
            .trim(),
        );
    }
    for (const method of [...methods].filter((m) => httpMethods.includes(m)).sort()) handlers.push(`${method} ${urlOf(file)}`);
  }
  return handlers;
}

/** The URL pattern of each `page.tsx` under app/. */
export function pages(): string[] {
  return filesUnder('app')
    .filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f))
    .map(urlOf);
}

/**
 * `file#export` for each server action: every export of a file that starts
 * with the 'use server' directive, and `file#(inline)` for a file that uses
 * the directive inside a function (those need a row of their own).
 */
export function serverActions(): string[] {
  const actions: string[] = [];
  for (const file of ['app', 'lib', 'server'].flatMap(filesUnder).filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts'))) {
    const source = readFileSync(path.join(root, file), 'utf8');
    if (!/['"]use server['"]/.test(source)) continue;
    const body = source.replace(/^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*/, '');
    if (/^['"]use server['"]/.test(body)) {
      for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(\w+)/g)) actions.push(`${file}#${m[1]}`);
    } else {
      actions.push(`${file}#(inline)`);
    }
  }
  return actions;
}

/** Every event name the socket.io server listens for (`on('…')`, `chairCommand('…')`, `socket.on('…')`, `io.on('…')`). */
export function socketEvents(): string[] {
  const events = new Set<string>();
  for (const file of filesUnder('server/realtime/socketio').filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const source = readFileSync(path.join(root, file), 'utf8');
    for (const m of source.matchAll(/\b(?:on|chairCommand)\(\s*['"`]([^'"`]+)['"`]/g)) events.add(m[1]);
  }
  return [...events].sort();
}
