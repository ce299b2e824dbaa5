import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/_auth/require-actor';
import { idOrNotFound, orNotFound } from '@/app/_lib/or-not-found';
import { PageShell } from '@/app/_components/page-shell';
import { loadHandOff } from '@/lib/cases/load-hand-off';
import { getDb } from '@/lib/db/db';
import { nb } from '@/lib/i18n/nb';
import { formatDate } from '@/lib/i18n/format';
import { CopyBlock } from './copy-block';
import { LetterForm } from './letter-form';
import { MarkDocumentedForm } from './mark-documented-form';
import { Alert } from '@digdir/designsystemet-react';

export const metadata: Metadata = { title: nb.handOff.title };
export const dynamic = 'force-dynamic';

const t = nb.handOff;

/** The hand-off of a concluded case: the blocks to carry into the record system, each copied in one click. */
export default async function HandOffPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, user } = await requireActor();
  const id = idOrNotFound((await params).id);
  const handOff = await orNotFound(loadHandOff({ db: getDb(), actor, caseId: id }));
  const title = handOff.title || nb.cases.untitled;
  return (
    <PageShell userName={user.name} actor={actor}>
      <p className="text-sm">
        <Link href="/saker" className="inline-block py-1 text-brand-800 underline">
          {t.backToQueue}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t.heading(title)}</h1>
      <p className="mt-1 text-sm text-slate-700">{handOff.personRef}</p>
      <p className="mt-3 max-w-prose">{t.intro(handOff.recordSystem)}</p>
      {handOff.minutesDraft ? (
        <Alert data-color="warning" className="mt-3 max-w-prose">
          <strong>{nb.minutes.draftBadge}</strong> · {t.minutesDraft}{' '}
          <Link prefetch={false} href={`/moter/${handOff.meetingId}/referat`} className="text-brand-800 underline">
            {nb.meetingRoom.minutesTitle}
          </Link>
        </Alert>
      ) : null}
      {handOff.changedAfterDocumented && handOff.documented ? (
        <ChangedAfterDocumented documentedAt={handOff.documented.at} changes={handOff.changedAfterDocumented.changes} />
      ) : null}
      <div className="mt-6 grid gap-4">
        {handOff.blocks.map((block) => (
          <CopyBlock key={block.key} title={block.title} target={block.target} text={block.text} />
        ))}
      </div>
      <LetterForm caseId={handOff.caseId} letter={handOff.letter} />
      <section aria-labelledby="dokumentert" className="mt-6 rounded border border-slate-300 bg-white p-4">
        <h2 id="dokumentert" className="text-lg font-semibold">
          {t.documentedHeading}
        </h2>
        {handOff.documented && !handOff.changedAfterDocumented ? (
          <p className="mt-2 font-medium text-green-800">{t.documentedBy(formatDate(handOff.documented.at), handOff.documented.by)}</p>
        ) : (
          <>
            <p className="mt-2">
              {handOff.documented ? t.documentedBy(formatDate(handOff.documented.at), handOff.documented.by) : t.notDocumented}
            </p>
            {handOff.canMark ? (
              <div className="mt-3 grid gap-2">
                <p className="max-w-prose text-sm text-slate-700">{t.markDocumentedHint}</p>
                <MarkDocumentedForm caseId={handOff.caseId} />
              </div>
            ) : null}
          </>
        )}
      </section>
    </PageShell>
  );
}

type Changes = NonNullable<Awaited<ReturnType<typeof loadHandOff>>['changedAfterDocumented']>['changes'];

/** What a correction of the minutes changed after the case was marked documented: each text before and now. */
function ChangedAfterDocumented({ documentedAt, changes }: { documentedAt: Date; changes: Changes }) {
  return (
    <section aria-labelledby="endret" className="mt-4">
      <Alert data-color="warning">
        <h2 id="endret" className="text-lg font-semibold">
          {t.changedHeading(formatDate(documentedAt))}
        </h2>
        <p className="mt-1 max-w-prose">{t.changedIntro}</p>
        <dl className="mt-2 grid gap-3">
          {changes.map((change) => (
            <div key={change.field}>
              <dt className="font-medium">{t.changedFields[change.field]}</dt>
              {change.before !== null ? (
                <dd className="whitespace-pre-wrap">
                  <span className="font-medium">{t.changedBefore}:</span> {change.before || t.changedEmpty}
                </dd>
              ) : null}
              <dd className="whitespace-pre-wrap">
                <span className="font-medium">{t.changedNow}:</span> {change.now || t.changedEmpty}
              </dd>
            </div>
          ))}
        </dl>
      </Alert>
    </section>
  );
}
