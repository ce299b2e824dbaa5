import { EvidenceView } from '@/app/ledersaker/[id]/evidence-view';
import { criteria } from '@/lib/cases/case-form';
import { nb } from '@/lib/i18n/nb';
import type { RoomLeaderCase } from '@/lib/leader-cases/room-leader-cases';

const t = nb.leaderCases;

/**
 * A leader meeting's item about a leader case (issue 22), read-only beside the
 * meeting's notes and conclusion: the situation, the alternatives considered,
 * the three criteria with their levels, the holistic assessment, the proposal,
 * and the figures attached from the unit's own history (charts with the numbers
 * beside them, small groups "under 5": LeaderCaseEvidence, across the panel's
 * two columns). The question is the item's title.
 */
export function LeaderCaseItem({ leaderCase }: { leaderCase: RoomLeaderCase }) {
  const { content } = leaderCase;
  const value = (text: string | undefined) => (text?.trim() ? text : <em>{t.room.notFilled}</em>);
  return (
    <section className="mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm xl:self-start" aria-labelledby="leader-case-heading">
      <h3 id="leader-case-heading" className="text-lg font-semibold">
        {t.room.heading}
      </h3>
      <p className="text-sm text-slate-700">
        {t.room.level(t.levels[leaderCase.level] ?? leaderCase.level)} ·{' '}
        <a href={`/ledersaker/${leaderCase.id}`} className="text-brand-700 underline">
          {t.room.toCase}
        </a>
      </p>
      <dl className="mt-3 space-y-3 text-sm" data-testid="leader-case-content">
        <div>
          <dt className="font-medium">{t.fields.situation}</dt>
          <dd className="whitespace-pre-wrap">{value(content.situation)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t.fields.alternatives}</dt>
          <dd className="whitespace-pre-wrap">{value(content.alternatives)}</dd>
        </div>
      </dl>
      <h4 className="mt-4 font-semibold">{t.room.criteria}</h4>
      <dl className="mt-1 space-y-3 text-sm" data-testid="leader-case-criteria">
        {criteria.map((criterion) => {
          const level = content[`${criterion}Level`];
          return (
            <div key={criterion}>
              <dt className="font-medium">
                {t.fields[`${criterion}Reasons`]}
                {level ? ` – ${t.room.criterionLevel(nb.cases.criterionLevels[level] ?? level)}` : ''}
              </dt>
              <dd className="whitespace-pre-wrap">{value(content[`${criterion}Reasons`])}</dd>
            </div>
          );
        })}
        <div>
          <dt className="font-medium">{t.fields.samletVurdering}</dt>
          <dd className="whitespace-pre-wrap">{value(content.samletVurdering)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t.fields.proposal}</dt>
          <dd className="whitespace-pre-wrap">{value(content.proposal)}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The figures attached to the leader case, each snapshot as its page shows it. */
export function LeaderCaseEvidence({ leaderCase }: { leaderCase: RoomLeaderCase }) {
  return (
    <section
      className="mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm xl:col-span-2"
      aria-labelledby="leader-case-evidence"
    >
      <h3 id="leader-case-evidence" className="text-lg font-semibold">
        {t.evidence.title}
      </h3>
      {leaderCase.evidence.length === 0 ? <p className="text-sm">{t.evidence.none}</p> : null}
      {leaderCase.evidence.map((e, i) => (
        // The room's data reaches the page as JSON: the snapshot's time is a string again here.
        <EvidenceView key={e.id} evidence={{ ...e, createdAt: new Date(e.createdAt) }} index={i} headingLevel={4} />
      ))}
    </section>
  );
}
