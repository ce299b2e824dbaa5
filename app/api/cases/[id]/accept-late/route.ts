import { apiRoute } from '@/app/api/_lib/api-route';
import { acceptLateCase } from '@/lib/cases/accept-late-case';

export const dynamic = 'force-dynamic';

/** POST /api/cases/:id/accept-late — the chair puts a late case on the meeting it asked for. */
export const POST = apiRoute<{ id: string }>(async ({ context, params }) =>
  acceptLateCase({ db: context.db, actor: context.actor, caseId: params.id, store: context.store }),
);
