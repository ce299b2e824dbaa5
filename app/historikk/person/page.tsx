import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { requireActor } from '@/app/_auth/require-actor';
import { orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { notFound } from 'next/navigation';
import { canExportPersonData } from '@/lib/access/policy';
import { getDb } from '@/lib/db/db';
import { personTimeline } from '@/lib/history/person-timeline';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { firstValues, idParam } from '@/lib/validation/query-params';

export const metadata: Metadata = { title: nb.history.title };
export const dynamic = 'force-dynamic';

const t = nb.history.timeline;
const c = nb.cases;
const querySchema = z.object({ unit: idParam, ref: z.string().trim().min(1).max(40) });

export default async function PersonTimelinePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, user } = await requireActor();
  const parsed = querySchema.safeParse(firstValues(await searchParams));
  if (!parsed.success) notFound();
  const { unit, ref } = parsed.data;
  const entries = await orNotFound(personTimeline({ db: getDb(), actor, unitId: unit, personRef: ref }));
  return (
    <PageShell userName={user.name} actor={actor}>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title(ref)}</h1>
      <p className="mt-2 text-slate-700">{t.intro}</p>
      {canExportPersonData(actor.memberships, unit) ? (
        <p className="mt-2">
          <a href={`/historikk/person/innsyn?unit=${unit}&ref=${encodeURIComponent(ref)}`} className="text-brand-700 underline">
            {t.export}
          </a>
        </p>
      ) : null}
      {entries.length === 0 ? (
        <p className="mt-6">{t.none}</p>
      ) : (
        <ol className="mt-6 space-y-4 border-l-2 border-brand-700 pl-4">
          {entries.map((e) => (
            <li key={e.itemId}>
              <h2 className="font-semibold">
                <Link prefetch={false} href={`/moter/${e.meetingId}/referat#punkt-${e.itemId}`} className="text-brand-700 underline">
                  {formatDate(e.meetingDate)}: {e.title}
                </Link>
              </h2>
              <p className="text-sm text-slate-700">
                {c.purposes[e.purpose]} · {e.outcome ? nb.meetingRoom.outcomes[e.outcome] : nb.meetingRoom.noConclusion}
              </p>
              <p className="text-sm">
                <span className="font-medium">{t.assessment}: </span>
                {(['alvorlighet', 'nytte', 'ressurs'] as const)
                  .map((k) => `${c.fields[k]}: ${e.levels[k] ? c.criterionLevels[e.levels[k]!] : '–'}`)
                  .join(', ')}
              </p>
              {e.conclusion ? <p className="mt-1">{e.conclusion}</p> : null}
              {e.followUps.length ? (
                <ul className="mt-1 list-disc pl-5 text-sm">
                  {e.followUps.map((f, i) => (
                    <li key={i}>
                      {f.description}
                      {f.dueDate ? ` (${nb.meetingRoom.followUpDueOn(f.dueDate)})` : ''} – {f.done ? t.done : t.notDone}
                    </li>
                  ))}
                </ul>
              ) : null}
              {e.reassessmentDate ? <p className="mt-1 text-sm">{nb.meetingRoom.reassess(e.reassessmentDate)}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </PageShell>
  );
}
