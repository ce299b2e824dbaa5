import { heldOn } from '@/lib/cases/held-on';
import Link from 'next/link';
import type { ConcludedCase } from '@/lib/cases/list-concluded-cases';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';

const t = nb.cases;

/** Mine saker's *Behandlet*: concluded cases stay in the caseworker's view with what is still to be done. */
export function ConcludedSection({ cases }: { cases: ConcludedCase[] }) {
  return (
    <section className="mt-8" aria-labelledby="behandlet-heading">
      <h2 id="behandlet-heading" className="text-lg font-semibold">
        {t.concluded} <span className="font-normal text-slate-700">({cases.length})</span>
      </h2>
      {cases.length === 0 ? (
        <p className="mt-2 rounded border border-slate-300 bg-white p-4 text-slate-700">{t.noConcluded}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {cases.map((c) => (
            <li key={c.id} className="p-4" aria-labelledby={`behandlet-${c.id}`}>
              <h3 id={`behandlet-${c.id}`} className="font-medium">
                <Link href={`/saker/${c.id}`} className="text-brand-800 underline-offset-4 hover:underline">
                  {c.title || t.untitled}
                </Link>
              </h3>
              <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
                {c.personRef ? <span>{c.personRef}</span> : null}
                <span>{t.concludedOn(formatDate(heldOn(c.meeting)))}</span>
                <span className={c.documentedAt ? 'text-green-800' : 'font-medium text-amber-900'}>
                  {c.documentedAt ? t.documentedOn(formatDate(c.documentedAt)) : nb.handOff.notDocumented}
                </span>
              </p>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold">{t.concludedOutcome}</dt>
                <dd>{c.outcome ? (nb.meetingRoom.outcomes[c.outcome] ?? c.outcome) : '–'}</dd>
                <dt className="font-semibold">{t.concludedConclusion}</dt>
                <dd className="whitespace-pre-line">{c.conclusion || '–'}</dd>
                <dt className="font-semibold">{t.stillToDo}</dt>
                <dd>
                  {c.openFollowUps.length === 0 && !c.reassessmentDate ? t.nothingToDo : null}
                  {c.openFollowUps.length > 0 ? (
                    <ul className="list-disc pl-5">
                      {c.openFollowUps.map((f) => (
                        <li key={f.id}>
                          {f.description}
                          {f.dueDate ? (
                            <span className={`ml-2 ${f.overdue ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
                              {f.overdue ? t.overdue(f.dueDate) : t.due(f.dueDate)}
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {c.reassessmentDate ? <p>{t.reassessOn(c.reassessmentDate)}</p> : null}
                </dd>
              </dl>
              <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
                <Link href={`/saker/${c.id}/fagsystem`} prefetch={false} className="inline-block py-1 font-medium text-brand-800 underline">
                  {t.toHandOff(c.title || t.untitled)}
                </Link>
                <Link
                  href={`/moter/${c.meeting.id}/referat#punkt-${c.itemId}`}
                  prefetch={false}
                  className="inline-block py-1 text-brand-800 underline"
                >
                  {t.toMinutesOf(c.title || t.untitled)}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
