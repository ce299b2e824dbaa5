import { z } from 'zod';
import { apiRoute } from '@/app/api/_lib/api-route';
import { queueSorts } from '@/lib/cases/case-summary';
import { createCase } from '@/lib/cases/create-case';
import { listMyCases } from '@/lib/cases/list-my-cases';
import { retentionMonths } from '@/lib/privacy/retention-rules';
import { parseInput } from '@/lib/validation/parse-input';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ sort: z.enum(queueSorts).default('severity') });

/** GET /api/cases?sort=severity|urgency|age — the caller's own queue. */
export const GET = apiRoute(async ({ context, request }) => {
  const { sort } = parseInput(querySchema, Object.fromEntries(request.nextUrl.searchParams), 'invalid query');
  return listMyCases({ db: context.db, actor: context.actor, sort, view: 'api_list', retentionMonths: retentionMonths() });
});

/** POST /api/cases { unitId?, content? } — start a draft. */
export const POST = apiRoute(async ({ context, body }) => createCase({ ...context, input: body }));
