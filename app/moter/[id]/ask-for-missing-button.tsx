'use client';

import { Button } from '@digdir/designsystemet-react';
import { useActionState } from 'react';
import { nb } from '@/lib/i18n/nb';
import { askForMissingAction, type AskState } from './actions';

const t = nb.cases.readiness;

/** What a case on the agenda lacks, for the chair, and one button to ask its caseworker (a notice in the app). */
export function AskForMissing({
  meetingId,
  caseId,
  title,
  missing,
}: {
  meetingId: string;
  caseId: string;
  title: string;
  missing: string[];
}) {
  const [state, action, pending] = useActionState<AskState, FormData>((_previous, formData) => askForMissingAction(formData), null);
  return (
    <form action={action} className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
      <p>
        <span className="font-medium">{t.missing}:</span> {missing.join(', ')}
      </p>
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="caseId" value={caseId} />
      <Button type="submit" data-size="sm" variant="secondary" disabled={pending} aria-label={t.askFor(title)} className="mt-2">
        {t.ask}
      </Button>
      <p role="status" className="mt-1">
        {state?.ok ? t.asked(state.caseworker) : state ? nb.errors.generic : ''}
      </p>
    </form>
  );
}
