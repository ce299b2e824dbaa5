import { z } from 'zod';

/**
 * Roles a member can hold in a unit. One role per unit per person; a person
 * may belong to several units (issue 8).
 * - saksbehandler: prepares and submits cases, takes part in meetings
 * - moteleder: chairs meetings (agenda, current item, conclusions)
 * - leder: unit leader; reviews history, follow-ups and the audit log
 * - admin: sets up units, members and series; reads but does not edit case work
 */
export const roles = ['saksbehandler', 'moteleder', 'leder', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Roles that take part in case work and may edit case and meeting documents. */
export const caseworkRoles: readonly Role[] = ['saksbehandler', 'moteleder', 'leder'];

export type UnitMembership = { unitId: string; role: Role };
