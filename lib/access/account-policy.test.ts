import { describe, expect, it } from 'vitest';
import { canAdministerAccounts, canManageAccount, canSeeAccount, hasAdministrationPages, hasCasePages } from './policy';
import type { UnitMembership } from './roles';

/** Issue 16: who may act on an account (password, deactivation, name, e-mail, OIDC link), as opposed to a membership. */
const adminOf = (...unitIds: string[]): { memberships: UnitMembership[] } => ({
  memberships: unitIds.map((unitId) => ({ unitId, role: 'admin' as const })),
});
const person = (...unitIds: string[]) => ({ memberships: unitIds.map((unitId) => ({ unitId })), systemAdmin: false });
const system = { memberships: [] as UnitMembership[], systemAdmin: true };

describe('canManageAccount', () => {
  it('a unit admin manages an account whose memberships are all in units they administer (a new account of theirs included)', () => {
    expect(canManageAccount(adminOf('a'), person('a'))).toBe(true);
    expect(canManageAccount(adminOf('a', 'b'), person('a', 'b'))).toBe(true);
  });

  it('not one that also belongs to a unit they do not administer — adding it to their unit gives no power', () => {
    expect(canManageAccount(adminOf('a'), person('a', 'z2'))).toBe(false);
    expect(canManageAccount(adminOf('a'), person('z2'))).toBe(false);
    // Being a leder (not admin) of the other unit is not administering it.
    expect(canManageAccount({ memberships: [...adminOf('a').memberships, { unitId: 'z2', role: 'leder' }] }, person('a', 'z2'))).toBe(
      false,
    );
  });

  it('nobody but a system administrator manages an account with no memberships, or a system administrator’s', () => {
    expect(canManageAccount(adminOf('a'), person())).toBe(false);
    expect(canManageAccount(adminOf('a'), { ...person('a'), systemAdmin: true })).toBe(false);
    expect(canManageAccount(system, person())).toBe(true);
    expect(canManageAccount(system, person('a', 'z2'))).toBe(true);
    expect(canManageAccount(system, { ...person('a'), systemAdmin: true })).toBe(true);
  });

  it('other roles manage no account', () => {
    for (const role of ['saksbehandler', 'moteleder', 'leder'] as const)
      expect(canManageAccount({ memberships: [{ unitId: 'a', role }] }, person('a'))).toBe(false);
  });
});

describe('canSeeAccount, canAdministerAccounts, hasAdministrationPages', () => {
  it('a unit admin sees the accounts of their units’ members only (else hidden = missing); a system administrator every one', () => {
    expect(canSeeAccount(adminOf('a'), person('a', 'z2'))).toBe(true);
    expect(canSeeAccount(adminOf('a'), person('z2'))).toBe(false);
    expect(canSeeAccount(adminOf('a'), person())).toBe(false);
    expect(canSeeAccount(system, person())).toBe(true);
  });

  it('the account pages are the system administrator’s; /admin is there for them and for unit admins', () => {
    expect(canAdministerAccounts(system)).toBe(true);
    expect(canAdministerAccounts(adminOf('a'))).toBe(false);
    expect(canAdministerAccounts({ memberships: [], systemAdmin: false })).toBe(false);
    expect(hasAdministrationPages(system)).toBe(true);
    expect(hasAdministrationPages(adminOf('a'))).toBe(true);
    expect(hasAdministrationPages({ memberships: [{ unitId: 'a', role: 'saksbehandler' }] })).toBe(false);
  });
});

describe('hasCasePages', () => {
  it('the header offers case pages to members of a unit, not to a system administrator who belongs to none', () => {
    expect(hasCasePages(system)).toBe(false);
    expect(hasCasePages({ ...adminOf('a'), systemAdmin: true })).toBe(true);
    expect(hasCasePages({ memberships: [{ unitId: 'a', role: 'saksbehandler' }] })).toBe(true);
  });
});
