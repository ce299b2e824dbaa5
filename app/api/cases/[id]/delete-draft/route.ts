import { apiRoute } from '@/app/api/_lib/api-route';
import { deleteDraft } from '@/lib/cases/delete-draft';

export const dynamic = 'force-dynamic';

/** POST /api/cases/:id/delete-draft — the author deletes a draft (soft, audited). */
export const POST = apiRoute<{ id: string }>(async ({ context, params }) => {
  await deleteDraft({ ...context, caseId: params.id });
  return { ok: true };
});
