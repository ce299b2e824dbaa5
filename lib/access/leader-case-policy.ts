import type { UnitMembership } from './roles';

/**
 * Service-level and political/administrative cases (issue 22) are the leader
 * group's: a unit's leaders and chairs (møteleder) open, read and edit them.
 * Caseworkers and admins do not see them at all — to them a leader case is
 * "not found", exactly as a missing one. Nobody outside the unit sees any.
 */
const leaderCaseRoles: readonly string[] = ['leder', 'moteleder'];

export function canWorkOnLeaderCases(memberships: readonly UnitMembership[], unitId: string): boolean {
  return memberships.some((m) => m.unitId === unitId && leaderCaseRoles.includes(m.role));
}

/** The units whose leader cases the actor may open and write. */
export function unitsForLeaderCases(memberships: readonly UnitMembership[]): string[] {
  return memberships.filter((m) => leaderCaseRoles.includes(m.role)).map((m) => m.unitId);
}
