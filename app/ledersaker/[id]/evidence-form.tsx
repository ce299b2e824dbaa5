'use client';

import { Button } from '@digdir/designsystemet-react';
import { useActionState } from 'react';
import { DateField } from '@/app/_components/date-field';
import { FilterSelect, FilterText } from '@/app/_components/filter-fields';
import { caseTypes } from '@/lib/cases/case-form';
import { periodPresets } from '@/lib/history/statistics-period';
import { nb } from '@/lib/i18n/nb';
import { attachEvidenceAction } from '../actions';
import { emptyLeaderFormState } from '../leader-form-state';

const t = nb.leaderCases.evidence;

/** What to count, and the one click that attaches the figures (a snapshot) to the case. */
export function EvidenceForm({ caseId }: { caseId: string }) {
  const [state, action, pending] = useActionState(attachEvidenceAction, emptyLeaderFormState);
  const errors = Object.values(state.fields ?? {});
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={caseId} />
      <FilterText id="bevis-tjeneste" name="tjeneste" label={t.service} description={t.serviceHint} maxLength={100} />
      <FilterSelect
        id="bevis-sakstype"
        name="sakstype"
        label={t.caseType}
        anyLabel={t.allCaseTypes}
        options={caseTypes.map((c) => [c, nb.cases.caseTypes[c]] as const)}
      />
      <FilterSelect
        id="bevis-periode"
        name="periode"
        label={t.period}
        defaultValue="12m"
        options={periodPresets.map((p) => [p, nb.history.statistics.presets[p]] as const)}
      />
      <DateField id="bevis-fra" name="fra" label={t.from} />
      <DateField id="bevis-til" name="til" label={t.to} />
      <Button type="submit" data-size="sm" disabled={pending}>
        {t.attach}
      </Button>
      <p
        role={state.error ? 'alert' : 'status'}
        className={`w-full text-sm ${state.error ? 'font-medium text-red-800' : 'text-green-800'}`}
      >
        {state.error ? [state.error, ...errors].join(' ') : (state.ok ?? '')}
      </p>
    </form>
  );
}
