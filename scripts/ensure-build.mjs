// Builds the Next app when there is no build yet, or when a source file is
// newer than the last build — so `npm start` works on a fresh clone and never
// serves a stale build after a pull. A lock folder keeps two callers (say two
// test runs at once) from building into the same .next folder together.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const buildId = '.next/BUILD_ID';
const lockDir = '.build-lock';
const sources = [
  'app',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.ts',
  'postcss.config.mjs',
  'package.json',
  'tsconfig.json',
];

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

function upToDate() {
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  return { builtAt, fresh: builtAt > Math.max(...sources.map(newestMtime)) };
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function acquireLock() {
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const pidFile = path.join(lockDir, 'pid');
      const holder = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
      // A holder that died leaves a stale lock (one without a pid only after a few seconds).
      const stale = holder ? !alive(holder) : Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 5000;
      if (stale) rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
}

if (upToDate().fresh) {
  console.log('next build: up to date');
} else {
  acquireLock();
  try {
    const { builtAt, fresh } = upToDate(); // someone else may have built while we waited
    if (fresh) {
      console.log('next build: up to date');
    } else {
      console.log(builtAt ? 'next build: sources changed, rebuilding …' : 'next build: no build yet, building (about a minute) …');
      execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
        stdio: 'inherit',
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
      });
    }
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}
