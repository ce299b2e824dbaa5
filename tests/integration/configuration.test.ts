import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function startWith(env: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samlet-config-'));
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', SAMLET_DATA_DIR: dataDir, DATABASE_URL: `file:${dataDir}/x.db`, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  rmSync(dataDir, { recursive: true, force: true });
  return result;
}

describe('configuration validated at start', () => {
  it('stops with exit code 2 and names the variable when DATABASE_URL is wrong', () => {
    const result = startWith({ DATABASE_URL: 'mysql://db/samlet' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL');
  });

  it('refuses a half-configured OIDC provider and a short secret', () => {
    const oidc = startWith({ OIDC_ISSUER: 'https://idp.example.test' });
    expect(oidc.status).toBe(2);
    expect(oidc.stderr).toContain('OIDC_CLIENT_ID');
    const secret = startWith({ NEXTAUTH_SECRET: 'short' });
    expect(secret.status).toBe(2);
    expect(secret.stderr).toContain('NEXTAUTH_SECRET');
  });
});
