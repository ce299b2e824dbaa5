import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type DatabaseTarget = { provider: 'sqlite'; url: string; filePath: string } | { provider: 'postgresql'; url: string };

/** `file:…` → SQLite (path relative to the working directory); `postgres(ql)://…` → PostgreSQL. */
export function resolveDatabaseTarget(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: 'postgresql', url };
  if (url.startsWith('file:')) {
    const filePath = path.resolve(url.slice('file:'.length));
    mkdirSync(path.dirname(filePath), { recursive: true });
    return { provider: 'sqlite', url: `file:${filePath}`, filePath };
  }
  throw new Error(`DATABASE_URL must start with file: or postgresql:// (got "${url.split(':')[0]}:")`);
}
