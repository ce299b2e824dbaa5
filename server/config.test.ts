import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'samlet-cfg-'));

describe('loadConfig', () => {
  it('defaults to SQLite on port 3000 in demo mode with a generated, persisted secret', () => {
    const dir = dataDir();
    const config = loadConfig({ SAMLET_DATA_DIR: dir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('file:./data/samlet.db');
    expect(config.demo).toBe(true);
    expect(config.secretGenerated).toBe(true);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(config.authSecret);
    expect(loadConfig({ SAMLET_DATA_DIR: dir }).authSecret).toBe(config.authSecret);
  });

  it('turns demo mode off when a secret is configured, unless asked for', () => {
    const secret = 'x'.repeat(40);
    expect(loadConfig({ SAMLET_DATA_DIR: dataDir(), NEXTAUTH_SECRET: secret }).demo).toBe(false);
    expect(loadConfig({ SAMLET_DATA_DIR: dataDir(), NEXTAUTH_SECRET: secret, SAMLET_DEMO: 'true' }).demo).toBe(true);
  });

  it('keeps the metrics endpoint off and SQLite on synchronous=normal unless told otherwise', () => {
    const defaults = loadConfig({ SAMLET_DATA_DIR: dataDir() });
    expect(defaults.metrics).toBe(false);
    expect(defaults.sqliteSynchronous).toBe('normal');
    const set = loadConfig({ SAMLET_DATA_DIR: dataDir(), SAMLET_METRICS: '1', SAMLET_SQLITE_SYNCHRONOUS: 'full' });
    expect([set.metrics, set.sqliteSynchronous]).toEqual([true, 'full']);
    expect(() => loadConfig({ SAMLET_DATA_DIR: dataDir(), SAMLET_SQLITE_SYNCHRONOUS: 'off' })).toThrow(/SAMLET_SQLITE_SYNCHRONOUS/);
  });

  it('explains every invalid variable', () => {
    expect(() => loadConfig({ SAMLET_DATA_DIR: dataDir(), PORT: 'abc', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ SAMLET_DATA_DIR: dataDir(), PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('DATABASE_URL');
    }
  });

  it('enables OIDC only when issuer, client id and secret are all set', () => {
    const config = loadConfig({
      SAMLET_DATA_DIR: dataDir(),
      OIDC_ISSUER: 'https://idp.example.test/realms/kommune',
      OIDC_CLIENT_ID: 'samlet',
      OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(config.oidc).toMatchObject({ issuer: 'https://idp.example.test/realms/kommune', clientId: 'samlet' });
  });

  it('runs as one node unless REDIS_URL is set, and only with PostgreSQL', () => {
    expect(loadConfig({ SAMLET_DATA_DIR: dataDir() }).redis).toBeNull();
    const pg = 'postgresql://postgres@127.0.0.1:5432/samlet';
    expect(loadConfig({ SAMLET_DATA_DIR: dataDir(), DATABASE_URL: pg, REDIS_URL: 'redis://127.0.0.1:6379' }).redis).toEqual({
      url: 'redis://127.0.0.1:6379',
      prefix: 'samlet:',
    });
    expect(() => loadConfig({ SAMLET_DATA_DIR: dataDir(), REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /REDIS_URL: several nodes need PostgreSQL/,
    );
    expect(() => loadConfig({ SAMLET_DATA_DIR: dataDir(), DATABASE_URL: pg, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
    expect(() => loadConfig({ SAMLET_DATA_DIR: dataDir(), DATABASE_URL: pg, REDIS_URL: 'redis://x', SAMLET_REDIS_PREFIX: 'a b' })).toThrow(
      /SAMLET_REDIS_PREFIX/,
    );
  });
});
