import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { idOrNotFound, orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { getDb } from '@/lib/db/db';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { loadLeaderCase } from '@/lib/leader-cases/load-leader-case';
import { leaderCaseMeetings, upcomingLeaderMeetings } from '@/lib/leader-cases/put-on-meeting';
import { systemClock } from '@/lib/time/clock';
import { EvidenceForm } from './evidence-form';
import { EvidenceView } from './evidence-view';
import { LeaderCaseForm } from './leader-case-form';
import { LeaderCaseMeetings } from './leader-case-meetings';

export const metadata: Metadata = { title: nb.leaderCases.listTitle };
export const dynamic = 'force-dynamic';

const t = nb.leaderCases;

/** One service-level or political case: its form, the figures attached from the unit's history, and (political) the saksframlegg. */
export default async function LeaderCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await requireActor();
  const id = idOrNotFound((await params).id);
  const db = getDb();
  const leaderCase = await orNotFound(loadLeaderCase({ db, actor, id, view: 'page' }));
  const [taken, upcoming] = await Promise.all([
    leaderCaseMeetings(db, leaderCase.id),
    upcomingLeaderMeetings(db, leaderCase.unitId, systemClock.now()),
  ]);
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <p className="text-sm">
        <Link href="/ledersaker" className="text-brand-800 underline">
          {t.toList}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{leaderCase.content.question || t.untitled}</h1>
      <p className="mt-1 text-sm text-slate-700">
        {t.levels[leaderCase.level]} · {leaderCase.unitName} · {t.updated(formatDate(leaderCase.updatedAt))}
      </p>
      {leaderCase.level === 'politisk' ? (
        <p className="mt-3">
          <a href={`/ledersaker/${leaderCase.id}/saksframlegg`} className="text-brand-800 underline" download>
            {t.docx.download}
          </a>
        </p>
      ) : null}
      <LeaderCaseForm caseId={leaderCase.id} content={leaderCase.content} savedAt={leaderCase.updatedAt.toISOString()} />
      <section aria-labelledby="bevis" className="mt-10">
        <h2 id="bevis" className="text-xl font-semibold">
          {t.evidence.title}
        </h2>
        <p className="mt-1 max-w-prose text-slate-700">{t.evidence.intro}</p>
        <EvidenceForm caseId={leaderCase.id} />
        {leaderCase.evidence.length === 0 ? <p className="mt-4">{t.evidence.none}</p> : null}
        {leaderCase.evidence.map((e, i) => (
          <EvidenceView key={e.id} evidence={e} index={i} />
        ))}
      </section>
      <LeaderCaseMeetings caseId={leaderCase.id} taken={taken} upcoming={upcoming} />
    </PageShell>
  );
}
