import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseEnvironment, runtimeConfigOf } from './config';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'samlet-rcfg-'));

describe('runtimeConfigOf', () => {
  it('hands lib/ the validated values, with the documented defaults', () => {
    const defaults = runtimeConfigOf(loadConfig({ SAMLET_DATA_DIR: dataDir(), PORT: '4100' }));
    expect(defaults).toMatchObject({
      publicUrl: 'http://localhost:4100',
      demo: true,
      sessionMaxAgeSeconds: 8 * 3600,
      retentionMonths: 24,
      oidc: null,
    });
    const set = runtimeConfigOf(
      loadConfig({
        SAMLET_DATA_DIR: dataDir(),
        NEXTAUTH_SECRET: 'x'.repeat(40),
        NEXTAUTH_URL: 'https://samlet.kommune.example',
        SAMLET_SESSION_MAX_AGE: '600',
        SAMLET_RETENTION_MONTHS: '0',
        OIDC_ISSUER: 'https://idp.example.test',
        OIDC_CLIENT_ID: 'samlet',
        OIDC_CLIENT_SECRET: 's3cret',
      }),
    );
    expect(set).toEqual({
      publicUrl: 'https://samlet.kommune.example',
      authSecret: 'x'.repeat(40),
      demo: false,
      sessionMaxAgeSeconds: 600,
      retentionMonths: 0,
      oidc: { issuer: 'https://idp.example.test', clientId: 'samlet', clientSecret: 's3cret', name: 'Kommunens innlogging' },
    });
  });
});

describe('parseEnvironment (the command-line tools)', () => {
  it('validates as the server does, without creating a demo secret', () => {
    expect(parseEnvironment({ SAMLET_RETENTION_MONTHS: '36' }).SAMLET_RETENTION_MONTHS).toBe(36);
    expect(parseEnvironment({}).DATABASE_URL).toBe('file:./data/samlet.db');
    expect(() => parseEnvironment({ SAMLET_RETENTION_MONTHS: '-1' })).toThrow(ConfigError);
    expect(() => parseEnvironment({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
