import { downloadRoute } from '@/app/api/_lib/api-route';
import { getDb } from '@/lib/db/db';
import { AppError } from '@/lib/errors/app-error';
import { findLeaderCase } from '@/lib/leader-cases/find-leader-case';
import { loadLeaderCase } from '@/lib/leader-cases/load-leader-case';
import { renderSaksframleggDocx } from '@/lib/leader-cases/saksframlegg-docx';

export const dynamic = 'force-dynamic';

/**
 * A political/administrative case's decision basis as a DOCX *saksframlegg*:
 * the same access as its page (the unit's leaders and chairs), logged as a
 * download. A service-level case has none (it stays in the leader group).
 */
export const GET = downloadRoute<{ id: string }>(async ({ actor, params }) => {
  const row = await findLeaderCase(getDb(), actor, params.id);
  if (row.level !== 'politisk') throw new AppError('not_found', 'leader case');
  const leaderCase = await loadLeaderCase({ db: getDb(), actor, id: row.id, view: 'docx' });
  return {
    body: await renderSaksframleggDocx(leaderCase),
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    filename: 'saksframlegg.docx',
  };
});
