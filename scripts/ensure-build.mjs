// Builds the Next app when there is no build yet, or when a source file is
// newer than the last build — so `npm start` works on a fresh clone and never
// serves a stale build after a pull.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const buildId = '.next/BUILD_ID';
const sources = ['app', 'lib', 'public', 'proxy.ts', 'next.config.ts', 'postcss.config.mjs', 'package.json', 'tsconfig.json'];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (child === 'node_modules' || child.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
const changedAt = Math.max(...sources.map(newestMtime));
if (builtAt > changedAt) {
  console.log('next build: up to date');
} else {
  console.log(builtAt ? 'next build: sources changed, rebuilding …' : 'next build: no build yet, building (about a minute) …');
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}
