'use client';

import { Button } from '@digdir/designsystemet-react';
import { useActionState } from 'react';
import { FilterSelect } from '@/app/_components/filter-fields';
import { purposes } from '@/lib/cases/case-form';
import { nb } from '@/lib/i18n/nb';
import { putOnMeetingAction } from '../actions';
import { emptyLeaderFormState } from '../leader-form-state';

const t = nb.leaderCases.meetings;

/** "Sett på møte": one of the unit's upcoming leader meetings (only those are offered) and the item's purpose. */
export function MeetingChoiceForm({ caseId, meetings }: { caseId: string; meetings: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(putOnMeetingAction, emptyLeaderFormState);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={caseId} />
      <FilterSelect id="ledermote-valg" name="meetingId" label={t.meeting} options={meetings.map((m) => [m.id, m.label] as const)} />
      <FilterSelect
        id="ledermote-formal"
        name="purpose"
        label={t.purpose}
        defaultValue="drofting"
        options={purposes.map((p) => [p, nb.cases.purposes[p]] as const)}
      />
      <Button type="submit" data-size="sm" disabled={pending}>
        {t.putOn}
      </Button>
      <p
        role={state.error ? 'alert' : 'status'}
        className={`w-full text-sm ${state.error ? 'font-medium text-red-800' : 'text-green-800'}`}
      >
        {state.error ?? state.ok ?? ''}
      </p>
    </form>
  );
}
