import { apiRoute } from '@/app/api/_lib/api-route';
import { getCase } from '@/lib/cases/get-case';
import { updateCase } from '@/lib/cases/update-case';

export const dynamic = 'force-dynamic';

/** GET /api/cases/:id — the case, its current form and its submitted versions (audit-logged). */
export const GET = apiRoute<{ id: string }>(async ({ context, params }) => getCase({ ...context, caseId: params.id, channel: 'api' }));

/** PATCH /api/cases/:id { …fields } — change some fields of the form; `nationalIdFields` names those now holding a national identity number. */
export const PATCH = apiRoute<{ id: string }>(async ({ context, params, body }) => {
  const { nationalIdFields } = await updateCase({ ...context, caseId: params.id, patch: body });
  return { ok: true, nationalIdFields };
});
