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

/**
 * The kinds of meeting (MeetingSeries.kind, Meeting.kind): the unit's case
 * meetings (saksmøte), and the leader meetings (ledermøte) where the leader
 * cases are discussed. A stored kind this version does not know counts as a
 * leader meeting, so an unknown kind is never shown to more people.
 */
export const meetingKinds = ['saksmote', 'ledermote'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const caseMeetingKind: MeetingKind = 'saksmote';

/**
 * A leader meeting — its saksliste, room, socket.io room, items' documents,
 * minutes and PDF — is the leader group's, as its cases are: to caseworkers
 * and admins it does not exist (lib/access/policy.ts, meetingAccess, asks this).
 * A case meeting is not decided here.
 */
export function canSeeMeetingOfKind(memberships: readonly UnitMembership[], unitId: string, kind: string | undefined): boolean {
  return (kind ?? caseMeetingKind) === caseMeetingKind || canWorkOnLeaderCases(memberships, unitId);
}

/** The kinds of meeting of a unit the actor sees, for lists that query meetings (a Prisma `kind: { in }`). */
export function meetingKindsSeenIn(memberships: readonly UnitMembership[], unitId: string): MeetingKind[] {
  return canWorkOnLeaderCases(memberships, unitId) ? [...meetingKinds] : [caseMeetingKind];
}

/**
 * The same across units, for lists over several (a Prisma meeting condition):
 * every case meeting, and leader meetings only of the units where the actor
 * works on leader cases.
 */
export function meetingsSeenWhere(memberships: readonly UnitMembership[]) {
  return { OR: [{ kind: caseMeetingKind }, { unitId: { in: unitsForLeaderCases(memberships) } }] };
}
