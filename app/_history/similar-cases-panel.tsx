import Link from 'next/link';
import type { SimilarCase } from '@/lib/history/similar-cases';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';

const t = nb.history.similar;

/** Earlier decisions like this one, with outcome and reasons (case page, meeting agenda). */
export function SimilarCasesPanel({ cases, headingLevel = 2 }: { cases: SimilarCase[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby="lignende" className="mt-8 rounded border border-slate-300 bg-white p-4">
      <Heading id="lignende" className="text-lg font-semibold">
        {t.title}
      </Heading>
      <p className="text-sm text-slate-700">{t.intro}</p>
      {cases.length === 0 ? (
        <p className="mt-2">{t.none}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {cases.map((c) => (
            <li key={c.itemId}>
              <Link
                prefetch={false}
                href={`/moter/${c.meetingId}/referat#punkt-${c.itemId}`}
                className="font-medium text-brand-700 underline"
              >
                {c.title}
              </Link>
              <p className="text-sm text-slate-700">
                {formatDate(new Date(c.meetingDate))} · {c.outcome ? nb.meetingRoom.outcomes[c.outcome] : '–'} · {t.score(c.score)}
              </p>
              {c.conclusion ? (
                <p className="text-sm">
                  <span className="font-medium">{t.conclusion}: </span>
                  {c.conclusion}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
