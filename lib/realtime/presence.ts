import { z } from 'zod';

/**
 * What a person's awareness (presence) state in a Yjs document may hold
 * (docs/realtime.md, "Presence"). The client sets only `field`, `cursor` and
 * `pending`; the server drops everything else and adds `user` from the
 * connection's session (server/realtime/yjs/awareness-filter.ts).
 */

/** A form field name as the documents use it (`facts`, `notes`, `followUps`); bounded so presence stays small. */
const fieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/);

const yId = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/** `Y.RelativePosition` as JSON (what y-codemirror.next writes): exactly its four keys, each optional. */
const relativePosition = z.strictObject({
  type: yId.nullish(),
  tname: z.string().max(100).nullish(),
  item: yId.nullish(),
  assoc: z.number().int().min(-1).max(1).optional(),
});

export const cursorSchema = z.strictObject({ anchor: relativePosition, head: relativePosition });

/**
 * A client's own part of its state. Each key is checked on its own: a bad one
 * is dropped (`catch`), the rest kept, so one odd value never hides a person.
 */
export const clientPresenceSchema = z
  .object({
    field: fieldName.nullable().optional().catch(undefined),
    cursor: cursorSchema.nullable().optional().catch(undefined),
    pending: z.boolean().optional().catch(undefined),
  })
  .catch({});

export type ClientPresence = z.output<typeof clientPresenceSchema>;

/** Who a state belongs to: set by the server only, from the session. */
export type PresenceUser = { name: string; color: string; colorLight: string };

export const presenceUserSchema = z.object({ name: z.string().min(1), color: z.string(), colorLight: z.string() });
