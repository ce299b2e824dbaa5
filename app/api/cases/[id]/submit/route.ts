import { apiRoute } from '@/app/api/_lib/api-route';
import { submitCase } from '@/lib/cases/submit-case';

export const dynamic = 'force-dynamic';

/** POST /api/cases/:id/submit { meetingId? } — send to a meeting (default: the next open one). */
export const POST = apiRoute<{ id: string }>(async ({ context, params, body }) =>
  submitCase({ ...context, caseId: params.id, input: body }),
);
