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
      theme: { color: '#1f4e79', logoUrl: null },
      organisation: 'Kommunen',
      accessibilityStatementUrl: null,
      accessibilityContact: null,
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
        SAMLET_THEME_COLOR: '#7a1f4e',
        SAMLET_LOGO_URL: '/logo.svg',
        SAMLET_ORGANISATION: 'Eksempel kommune',
        SAMLET_ACCESSIBILITY_STATEMENT_URL: 'https://uustatus.no/nb/erklaringer/publisert/eksempel',
        SAMLET_ACCESSIBILITY_CONTACT: 'uu@eksempel.kommune.no',
      }),
    );
    expect(set).toEqual({
      publicUrl: 'https://samlet.kommune.example',
      authSecret: 'x'.repeat(40),
      demo: false,
      sessionMaxAgeSeconds: 600,
      retentionMonths: 0,
      oidc: { issuer: 'https://idp.example.test', clientId: 'samlet', clientSecret: 's3cret', name: 'Kommunens innlogging' },
      theme: { color: '#7a1f4e', logoUrl: '/logo.svg' },
      organisation: 'Eksempel kommune',
      accessibilityStatementUrl: 'https://uustatus.no/nb/erklaringer/publisert/eksempel',
      accessibilityContact: 'uu@eksempel.kommune.no',
    });
  });

  it('refuses a colour that is not #rrggbb and a logo from another site (the CSP would block it)', () => {
    expect(() => parseEnvironment({ SAMLET_THEME_COLOR: 'blue' })).toThrow(/SAMLET_THEME_COLOR/);
    expect(() => parseEnvironment({ SAMLET_ACCESSIBILITY_CONTACT: 'ikke en adresse' })).toThrow(/SAMLET_ACCESSIBILITY_CONTACT/);
    expect(() => parseEnvironment({ SAMLET_LOGO_URL: 'https://cdn.example/logo.svg' })).toThrow(/SAMLET_LOGO_URL/);
    expect(() => parseEnvironment({ SAMLET_LOGO_URL: '//cdn.example/logo.svg' })).toThrow(/SAMLET_LOGO_URL/);
    expect(parseEnvironment({ SAMLET_LOGO_URL: 'data:image/svg+xml;base64,PHN2Zy8+' }).SAMLET_LOGO_URL).toMatch(/^data:image/);
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
