import { afterEach, describe, expect, it } from 'vitest';
import { getCaseContentStore } from '../cases/case-content-store';
import { getDb } from '../db/db';
import { sessionMaxAgeSeconds } from '../auth/session-cookie';
import { retentionMonths } from '../privacy/retention-rules';
import { optionalRuntimeService, registerRuntimeServices, runtimeServices, RuntimeServicesMissing, type RuntimeServices } from './services';

const slot = Symbol.for('samlet.runtime-services');
const clear = () => delete (globalThis as Record<symbol, unknown>)[slot];

const config = {
  publicUrl: 'https://samlet.example',
  authSecret: 's'.repeat(40),
  demo: false,
  sessionMaxAgeSeconds: 3600,
  retentionMonths: 36,
  oidc: null,
  theme: { color: '#1f4e79', logoUrl: null },
  organisation: 'Kommunen',
  accessibilityStatementUrl: null,
  accessibilityContact: null,
};
const services = {
  config,
  db: { marker: 'db' },
  dbProvider: 'postgresql',
  caseContent: { marker: 'store' },
} as unknown as RuntimeServices;

describe('runtime services', () => {
  afterEach(clear);

  it('fails the same clear way for every service when none is registered', () => {
    clear();
    for (const read of [getDb, getCaseContentStore, sessionMaxAgeSeconds, retentionMonths]) {
      expect(read).toThrow(RuntimeServicesMissing);
      expect(read).toThrow(/config, db, dbProvider, caseContent.*server\/main\.ts/);
    }
    expect(optionalRuntimeService('liveSessions')).toBeUndefined();
  });

  it('names what is still missing, and hands out what was registered, in any order', () => {
    const throttleStore = { marker: 'throttle' } as unknown as RuntimeServices['throttleStore'];
    registerRuntimeServices({ throttleStore });
    registerRuntimeServices({ config, db: services.db });
    expect(() => runtimeServices()).toThrow(/\(dbProvider, caseContent\)/);
    registerRuntimeServices(services);
    expect(getDb()).toBe(services.db);
    expect(getCaseContentStore()).toBe(services.caseContent);
    expect([sessionMaxAgeSeconds(), retentionMonths()]).toEqual([3600, 36]);
    expect(optionalRuntimeService('throttleStore')).toBe(throttleStore);
  });
});
