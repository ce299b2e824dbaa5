import { downloadRoute } from '@/app/api/_lib/api-route';
import { getDb } from '@/lib/db/db';
import { getMinutes } from '@/lib/meetings/get-minutes';
import { renderMinutesPdf } from '@/lib/meetings/minutes-pdf';
import { osloDate } from '@/lib/time/oslo';

export const dynamic = 'force-dynamic';

/** The minutes as PDF: the same access rules and audit entries as the minutes page. */
export const GET = downloadRoute<{ id: string }>(async ({ actor, params }) => {
  const minutes = await getMinutes({ db: getDb(), actor, meetingId: params.id });
  const date = osloDate(minutes.meeting.startsAt);
  return { body: await renderMinutesPdf(minutes), contentType: 'application/pdf', filename: `referat-${date}.pdf` };
});
