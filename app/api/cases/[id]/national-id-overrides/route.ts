import { apiRoute } from '@/app/api/_lib/api-route';
import { overrideNationalId } from '@/lib/privacy/national-id-override';

export const dynamic = 'force-dynamic';

/** POST /api/cases/:id/national-id-overrides { field } — "this is not a national identity number" for the numbers now in one field (audited). */
export const POST = apiRoute<{ id: string }>(async ({ context, params, body }) =>
  overrideNationalId({ ...context, caseId: params.id, input: body }),
);
