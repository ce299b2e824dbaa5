'use client';

import '@/app/_collab/zod-client-config';
import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  Label,
  Radio,
  Textarea,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useActionState, useMemo, useState } from 'react';
import { criteria, criterionLevels } from '@/lib/cases/case-form';
import { nb } from '@/lib/i18n/nb';
import type { LeaderCaseContent } from '@/lib/leader-cases/leader-case-form';
import { leaderCaseWarnings } from '@/lib/leader-cases/person-data-warnings';
import { saveLeaderCaseAction } from '../actions';
import { emptyLeaderFormState } from '../leader-form-state';

const t = nb.leaderCases;
const id = (field: string) => `ledersak-${field}`;

/**
 * The form of a leader case. Warnings about person data and about one
 * criterion carrying the decision follow the typing (the same pure check the
 * server answers with); saving stores the whole form, and field errors come
 * back from the server in Norwegian.
 */
export function LeaderCaseForm({ caseId, content, savedAt }: { caseId: string; content: LeaderCaseContent; savedAt: string }) {
  const [state, action, pending] = useActionState(saveLeaderCaseAction, emptyLeaderFormState);
  const [values, setValues] = useState<LeaderCaseContent>(content);
  const warnings = useMemo(() => leaderCaseWarnings(values), [values]);
  const set = (field: keyof LeaderCaseContent) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const messages = (field: string) => (
    <>
      {state.fields?.[field] ? (
        <ValidationMessage id={`${id(field)}-feil`} data-size="sm">
          {state.fields[field]}
        </ValidationMessage>
      ) : null}
      {(warnings[field] ?? []).map((w) => (
        <ValidationMessage key={w} id={`${id(field)}-varsel-${w}`} data-color="warning" data-size="sm">
          {t.warnings[w]}
        </ValidationMessage>
      ))}
    </>
  );
  const describedBy = (field: string, hint: boolean) =>
    [
      hint ? `${id(field)}-hint` : '',
      state.fields?.[field] ? `${id(field)}-feil` : '',
      ...(warnings[field] ?? []).map((w) => `${id(field)}-varsel-${w}`),
    ]
      .filter(Boolean)
      .join(' ') || undefined;

  const text = (
    field: 'situation' | 'alternatives' | 'samletVurdering' | 'proposal' | `${(typeof criteria)[number]}Reasons`,
    hint?: string,
  ) => (
    <div className="grid gap-1">
      <Label htmlFor={id(field)}>{t.fields[field]}</Label>
      {hint ? (
        <p id={`${id(field)}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <Textarea
        id={id(field)}
        name={field}
        rows={4}
        value={values[field] ?? ''}
        onChange={(e) => set(field)(e.target.value)}
        aria-describedby={describedBy(field, Boolean(hint))}
        aria-invalid={state.fields?.[field] ? true : undefined}
      />
      {messages(field)}
    </div>
  );

  return (
    <form action={action} className="mt-6 grid max-w-3xl gap-5" noValidate>
      <input type="hidden" name="id" value={caseId} />
      <input type="hidden" name="seen" value={state.seen ?? savedAt} />
      <Alert data-color="info" data-size="sm">
        {t.noPersonData}
      </Alert>
      <div className="grid gap-1">
        <Textfield
          id={id('question')}
          name="question"
          label={t.fields.question}
          description={t.fields.questionHint}
          value={values.question ?? ''}
          onChange={(e) => set('question')(e.target.value)}
          error={state.fields?.question}
        />
        {(warnings.question ?? []).map((w) => (
          <ValidationMessage key={w} data-color="warning" data-size="sm">
            {t.warnings[w]}
          </ValidationMessage>
        ))}
      </div>
      {text('situation', t.fields.situationHint)}
      {text('alternatives', t.fields.alternativesHint)}
      <Fieldset>
        <FieldsetLegend>{t.assessmentLegend}</FieldsetLegend>
        <div className="grid gap-4">
          {criteria.map((criterion) => (
            <div key={criterion} className="grid gap-2 rounded border border-slate-200 p-3">
              {text(`${criterion}Reasons`, t.fields.criterionHint)}
              <Fieldset data-size="sm">
                <FieldsetLegend>{t.levelLabel(t.fields[`${criterion}Reasons`])}</FieldsetLegend>
                <div className="flex flex-wrap gap-x-4">
                  {(['', ...criterionLevels] as const).map((level) => (
                    <Radio
                      key={level || 'none'}
                      name={`${criterion}Level`}
                      value={level}
                      label={level ? nb.cases.criterionLevels[level] : t.fields.noLevel}
                      checked={(values[`${criterion}Level`] ?? '') === level}
                      onChange={() => setValues((v) => ({ ...v, [`${criterion}Level`]: level }))}
                    />
                  ))}
                </div>
              </Fieldset>
            </div>
          ))}
          {text('samletVurdering', t.fields.samletVurderingHint)}
        </div>
      </Fieldset>
      {text('proposal')}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t.saving : t.save}
        </Button>
        <p role={state.error ? 'alert' : 'status'} className={`text-sm ${state.error ? 'font-medium text-red-800' : 'text-green-800'}`}>
          {state.error ?? state.ok ?? ''}
        </p>
      </div>
    </form>
  );
}
