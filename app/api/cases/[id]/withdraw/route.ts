import { apiRoute } from '@/app/api/_lib/api-route';
import { withdrawCase } from '@/lib/cases/withdraw-case';

export const dynamic = 'force-dynamic';

/** POST /api/cases/:id/withdraw — take the case off its meeting. */
export const POST = apiRoute<{ id: string }>(async ({ context, params }) => {
  await withdrawCase({ ...context, caseId: params.id });
  return { ok: true };
});
