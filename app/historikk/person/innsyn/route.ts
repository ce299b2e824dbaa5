import { z } from 'zod';
import { downloadRoute } from '@/app/api/_lib/api-route';
import { getCaseContentStore } from '@/lib/cases/case-content-store';
import { getDb } from '@/lib/db/db';
import { AppError } from '@/lib/errors/app-error';
import { exportPerson } from '@/lib/privacy/person-export';
import { firstValues, idParam } from '@/lib/validation/query-params';

export const dynamic = 'force-dynamic';

const querySchema = z.object({ unit: idParam, ref: z.string().trim().min(1).max(40) });

/** `GET /historikk/person/innsyn?unit=…&ref=…`: everything held about one person reference, as JSON (leder, admin). */
export const GET = downloadRoute(async ({ actor, request }) => {
  const query = querySchema.safeParse(firstValues(Object.fromEntries(request.nextUrl.searchParams)));
  if (!query.success) throw new AppError('invalid_input');
  const store = getCaseContentStore();
  const data = await exportPerson({
    db: getDb(),
    actor,
    unitId: query.data.unit,
    personRef: query.data.ref,
    readLiveForm: (id) => store.read(id),
  });
  const safeRef = query.data.ref.replace(/[^\w-]+/g, '_').slice(0, 40);
  return { body: JSON.stringify(data, null, 2), contentType: 'application/json; charset=utf-8', filename: `innsyn-${safeRef}.json` };
});
