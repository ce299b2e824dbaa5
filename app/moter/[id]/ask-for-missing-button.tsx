'use client';

import { Alert, Button } from '@digdir/designsystemet-react';
import { useRef, useState, useTransition } from 'react';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { formatDateTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { askForMissingAction, type AskState } from './actions';

const t = nb.cases.readiness;
const ta = nb.roomAgenda;

/**
 * What a case on the agenda lacks, for the chair, and one button to ask its
 * caseworker (a notice in the app). The page says when the case was last
 * asked and by whom; a second ask in the same meeting is sent only once the
 * chair confirms it in the design system's dialog — the server refuses it
 * otherwise (lib/meetings/ask-for-missing.ts).
 */
export function AskForMissing({
  meetingId,
  caseId,
  title,
  missing,
  lastAsk,
}: {
  meetingId: string;
  caseId: string;
  title: string;
  missing: string[];
  lastAsk: { askedAt: string; askedBy: string } | null;
}) {
  const [state, setState] = useState<AskState>(null);
  const [asked, setAsked] = useState(lastAsk);
  const [pending, start] = useTransition();
  const [confirm, confirmDialog] = useConfirm();
  const form = useRef<HTMLFormElement>(null);
  const askedText = (a: { askedAt: string; askedBy: string }) => ta.askedAt(formatDateTime(new Date(a.askedAt)), a.askedBy);

  const send = (again: boolean) =>
    start(async () => {
      const data = new FormData(form.current ?? undefined);
      if (again) data.set('again', 'true');
      const answer = await askForMissingAction(data);
      if (answer && !answer.ok && answer.alreadyAsked && !again) {
        const when = asked ? formatDateTime(new Date(asked.askedAt)) : '';
        const ok = await confirm({
          title: ta.askAgainTitle,
          message: ta.askAgainBody(when, asked?.askedBy ?? ''),
          confirmLabel: ta.askAgainConfirm,
        });
        if (ok) send(true);
        return;
      }
      setState(answer);
      if (answer?.ok) setAsked({ askedAt: answer.askedAt, askedBy: answer.askedBy });
    });

  return (
    <Alert data-color="warning" data-size="sm" className="mt-2">
      <form
        ref={form}
        onSubmit={(event) => {
          event.preventDefault();
          send(false);
        }}
        className="text-sm"
      >
        <p>
          <span className="font-medium">{t.missing}:</span> {missing.join(', ')}
        </p>
        <input type="hidden" name="meetingId" value={meetingId} />
        <input type="hidden" name="caseId" value={caseId} />
        <Button type="submit" data-size="sm" variant="secondary" disabled={pending} aria-label={t.askFor(title)} className="mt-2">
          {t.ask}
        </Button>
        {asked ? <p className="mt-1">{askedText(asked)}</p> : null}
        <p role="status" className="mt-1">
          {state?.ok ? t.asked(state.caseworker) : state ? nb.errors.generic : ''}
        </p>
      </form>
      {confirmDialog}
    </Alert>
  );
}
