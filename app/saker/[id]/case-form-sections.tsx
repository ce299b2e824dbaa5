'use client';

import '@/app/_collab/zod-client-config';
import { alternativeKinds, caseLevels, caseTypes, criteria, criterionFactors, criterionLevels, purposes } from '@/lib/cases/case-form';
import { nb } from '@/lib/i18n/nb';
import { Checks, Choice, CollaborativeDate, CollaborativeText, Toggle, type FieldState } from '@/app/_collab/form-fields';
import type { YjsForm } from '@/app/_collab/use-yjs-form';

const t = nb.cases;
const f = t.fields;

type Props = { document: YjsForm; states: Record<string, FieldState>; disabled: boolean };

/** The unit's form, section by section, in the order of "Skjema for saksbehandlere". */
export function CaseFormSections({ document, states, disabled }: Props) {
  const text = (
    field: Parameters<typeof CollaborativeText>[0]['field'],
    label: string,
    extra: Partial<Parameters<typeof CollaborativeText>[0]> = {},
  ) => <CollaborativeText field={field} label={label} document={document} state={states[field]} disabled={disabled} {...extra} />;
  const section = 'mt-8 rounded-lg border border-slate-200 bg-white p-5 shadow-sm';
  return (
    <>
      <section aria-labelledby="seksjon-om" className={section}>
        <h2 id="seksjon-om" className="text-lg font-semibold">
          {t.sections.about}
        </h2>
        {text('personRef', f.personRef, { hint: f.personRefHint, multiline: false, required: true })}
        <Choice
          field="caseType"
          legend={f.caseType}
          options={caseTypes}
          labels={t.caseTypes}
          document={document}
          state={states.caseType}
          disabled={disabled}
          required
        />
        <Choice
          field="level"
          legend={f.level}
          options={caseLevels}
          labels={t.levels}
          document={document}
          state={states.level}
          disabled={disabled}
        />
        {text('question', f.question, { hint: f.questionHint, required: true, rows: 2 })}
        {text('facts', f.facts, { required: true, rows: 5 })}
        {text('changedNeeds', f.changedNeeds)}
        {text('measuresTried', f.measuresTried)}
        {text('diagnosis', f.diagnosis, { rows: 2 })}
        {text('functioning', f.functioning)}
        {text('situation', f.situation)}
        {text('proposal', f.proposal, { required: true })}
      </section>

      <section aria-labelledby="seksjon-tjenester" className={section}>
        <h2 id="seksjon-tjenester" className="text-lg font-semibold">
          {t.sections.current}
        </h2>
        {text('services', f.services)}
        {text('servicesConcerned', f.servicesConcerned, { hint: f.servicesConcernedHint, multiline: false })}
        <Toggle field="hasOngoingDecision" label={f.hasOngoingDecision} document={document} disabled={disabled}>
          {text('ongoingDecisionWhat', f.ongoingDecisionWhat, { multiline: false, required: true })}
          {text('ongoingDecisionExtent', f.ongoingDecisionExtent, { multiline: false })}
          <Toggle field="ongoingDecisionTimeLimited" label={f.ongoingDecisionTimeLimited} document={document} disabled={disabled}>
            <CollaborativeDate
              field="ongoingDecisionEndDate"
              label={f.ongoingDecisionEndDate}
              document={document}
              disabled={disabled}
              className="mt-2"
            />
          </Toggle>
        </Toggle>
      </section>

      <section aria-labelledby="seksjon-vurdering" className={section}>
        <h2 id="seksjon-vurdering" className="text-lg font-semibold">
          {t.sections.assessment}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t.sections.assessmentIntro}</p>
        {criteria.map((criterion) => (
          <div key={criterion} className="mt-6 border-t border-slate-200 pt-4">
            <h3 className="font-semibold">{f[criterion]}</h3>
            <Checks
              field={`${criterion}Factors`}
              legend={f.factorsLegend(f[criterion])}
              options={criterionFactors[criterion]}
              labels={t.factors}
              document={document}
              disabled={disabled}
            />
            <Choice
              field={`${criterion}Level`}
              legend={f.levelLegend(f[criterion])}
              options={criterionLevels}
              labels={t.criterionLevels}
              allowNone={f.noLevel}
              document={document}
              state={states[`${criterion}Level`]}
              disabled={disabled}
            />
            {text(`${criterion}Reasons`, f.reasons(f[criterion]), { required: true })}
            {criterion === 'alvorlighet' ? <Toggle field="urgent" label={f.urgent} document={document} disabled={disabled} /> : null}
          </div>
        ))}
        <div className="mt-6 border-t border-slate-200 pt-4">
          {text('samletVurdering', f.samletVurdering, { hint: f.samletVurderingHint, required: true, rows: 5 })}
        </div>
      </section>

      <section aria-labelledby="seksjon-barn" className={section}>
        <h2 id="seksjon-barn" className="text-lg font-semibold">
          {t.sections.children}
        </h2>
        <Toggle field="childrenAffected" label={f.childrenAffected} document={document} disabled={disabled}>
          {text('barnetsBeste', f.barnetsBeste, { hint: f.barnetsBesteHint, required: true })}
        </Toggle>
      </section>

      <section aria-labelledby="seksjon-alternativer" className={section}>
        <h2 id="seksjon-alternativer" className="text-lg font-semibold">
          {t.sections.alternatives}
        </h2>
        <Checks
          field="alternatives"
          legend={f.alternativesLegend}
          options={alternativeKinds}
          labels={t.alternatives}
          document={document}
          disabled={disabled}
        />
        {text('alternativesNote', f.alternativesNote)}
        {text('personView', f.personView)}
        {text('relativesView', f.relativesView)}
      </section>

      <section aria-labelledby="seksjon-etikk" className={section}>
        <h2 id="seksjon-etikk" className="text-lg font-semibold">
          {t.sections.ethics}
        </h2>
        <Toggle field="ethicalDilemma" label={f.ethicalDilemma} document={document} disabled={disabled}>
          <p className="mt-2 text-sm text-slate-700">{f.smeIntro}</p>
          {text('smeProblem', f.smeProblem, { rows: 2 })}
          {text('smeFacts', f.smeFacts, { rows: 2 })}
          {text('smeAffected', f.smeAffected, { rows: 2 })}
          {text('smeValuesAndLaw', f.smeValuesAndLaw, { rows: 2 })}
          {text('smeOptions', f.smeOptions, { rows: 2 })}
          {text('smeJudgement', f.smeJudgement, { rows: 2 })}
        </Toggle>
      </section>

      <section aria-labelledby="seksjon-mote" className={section}>
        <h2 id="seksjon-mote" className="text-lg font-semibold">
          {t.sections.meeting}
        </h2>
        <Choice
          field="purpose"
          legend={f.purpose}
          options={purposes}
          labels={t.purposes}
          hints={t.purposeHints}
          document={document}
          state={states.purpose}
          disabled={disabled}
          required
        />
      </section>
    </>
  );
}
