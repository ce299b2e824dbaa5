import Link from 'next/link';
import type { ReassessmentProposal } from '@/lib/history/reassessment-proposals';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';

const t = nb.history.reassessmentProposals;

/** For the chair: decided cases to take up again at this meeting, each with the earlier conclusion. */
export function ReassessmentProposals({ proposals }: { proposals: ReassessmentProposal[] }) {
  if (proposals.length === 0) return null;
  return (
    <section aria-labelledby="reassessment-proposals" className="mt-10">
      <h2 id="reassessment-proposals" className="text-lg font-semibold">
        {t.title}
      </h2>
      <p className="text-sm text-slate-700">{t.intro}</p>
      <ul className="mt-3 space-y-3">
        {proposals.map((p) => (
          <li key={p.caseId} className="rounded border border-slate-300 bg-white p-4">
            <p className="font-medium">
              <Link href={`/saker/${p.caseId}`} className="text-brand-800 underline">
                {p.title}
              </Link>
            </p>
            <p className="mt-1 flex flex-wrap gap-x-3 text-sm text-slate-700">
              <span>{p.personRef}</span>
              <span>
                {nb.cases.caseworker}: {p.caseworker}
              </span>
              <span>
                {t.reassessOn} {formatDate(p.reassessmentDate)}
              </span>
            </p>
            <p className="mt-2 text-sm">
              <span className="font-medium">{t.decidedIn(formatDate(p.decidedAt), nb.meetingRoom.outcomes[p.outcome ?? ''] ?? '–')}</span>
              {p.conclusion ? <span className="block whitespace-pre-line">{p.conclusion}</span> : null}
            </p>
            <p className="mt-2 text-sm text-slate-700">{p.draftReady ? t.draftReady : t.draftComing}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
