'use client';

import { Button, Card, Textfield } from '@digdir/designsystemet-react';
import { useRouter } from 'next/navigation';
import { startTransition, useActionState, useEffect, useState, type FormEvent } from 'react';
import { useConfirm } from '@/app/_components/confirm-dialog';
import { nb } from '@/lib/i18n/nb';
import { approveMinutesAction, commentOnMinutesAction, editMinutesItemAction, type MinutesActionState } from './actions';

const t = nb.minutes;

function message(state: MinutesActionState, field: string): string | null {
  if (!state || state.ok) return null;
  const key = state.errors[field];
  return key ? (t.errors[key] ?? t.errors.generic) : null;
}

/**
 * After the server has it, the page loads again: what it shows and what the server allows agree.
 * `submit` sends the form without React's reset of it (a `<form action>` empties its fields
 * whatever the answer): a refused text stays in the field, to be mended; `sent` counts what was stored.
 */
function useAction(action: (formData: FormData) => Promise<MinutesActionState>) {
  const router = useRouter();
  const [sent, setSent] = useState(0);
  const [state, run, pending] = useActionState<MinutesActionState, FormData>(async (_previous, formData) => {
    const answer = await action(formData);
    if (answer?.ok) setSent((n) => n + 1);
    return answer;
  }, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => run(formData));
  };
  return { state, run, submit, sent, pending };
}

/** Under a minutes form: what became of the last send — stored (`saved`), or the form's refusal in Norwegian. */
function FormStatus({ state, saved }: { state: MinutesActionState; saved?: string }) {
  return (
    <p role="status" className="mt-1 text-sm">
      {state?.ok ? (saved ?? '') : (message(state, 'form') ?? '')}
    </p>
  );
}

/** A participant's comment on the draft minutes. */
export function CommentForm({ meetingId }: { meetingId: string }) {
  const { state, submit, sent, pending } = useAction(commentOnMinutesAction);
  return (
    // A new, empty form once a comment is stored; a refused one keeps what was written.
    <form onSubmit={submit} className="mt-3" key={sent}>
      <input type="hidden" name="meetingId" value={meetingId} />
      <Textfield
        multiline
        rows={3}
        name="text"
        label={t.commentLabel}
        description={t.commentHint}
        error={message(state, 'text')}
        aria-required="true"
      />
      <Button type="submit" className="mt-3" disabled={pending}>
        {t.commentSubmit}
      </Button>
      <FormStatus state={state} saved={t.commentSaved} />
    </form>
  );
}

/** The chair's or the referent's correction of one item's notes and conclusion as frozen at the close. */
export function ItemTextEditor(props: { meetingId: string; itemId: string; title: string; notes: string; conclusion: string }) {
  const { state, submit, pending } = useAction(editMinutesItemAction);
  return (
    // Designsystemet's tinted card (was a home-made grey box); not printed with the minutes.
    <Card asChild variant="tinted" data-size="sm" className="mt-3 print:hidden">
      <form onSubmit={submit} aria-label={t.editFor(props.title)}>
        <input type="hidden" name="meetingId" value={props.meetingId} />
        <input type="hidden" name="itemId" value={props.itemId} />
        {/* What the form showed: the server writes only what was changed from it, and not over someone else's save. */}
        <input type="hidden" name="notesBefore" value={props.notes} />
        <input type="hidden" name="conclusionBefore" value={props.conclusion} />
        <Textfield multiline rows={3} name="notes" label={t.notesLabel} defaultValue={props.notes} error={message(state, 'notes')} />
        <Textfield
          multiline
          rows={3}
          name="conclusion"
          label={t.conclusionLabel}
          defaultValue={props.conclusion}
          error={message(state, 'conclusion')}
          className="mt-2"
        />
        <Button type="submit" variant="secondary" data-size="sm" className="mt-2" disabled={pending}>
          {t.editSave}
        </Button>
        <FormStatus state={state} saved={t.editSaved} />
      </form>
    </Card>
  );
}

/** Approving freezes the minutes: asked once more in a dialog, since it cannot be undone. */
export function ApproveForm({ meetingId }: { meetingId: string }) {
  const { state, run, pending } = useAction(approveMinutesAction);
  const [confirm, confirmDialog] = useConfirm();
  return (
    <div className="mt-3">
      <Button
        type="button"
        disabled={pending}
        onClick={async () => {
          if (!(await confirm({ title: t.approveHeading, message: t.approveConfirm, confirmLabel: t.approveSubmit }))) return;
          const formData = new FormData();
          formData.set('meetingId', meetingId);
          startTransition(() => run(formData));
        }}
      >
        {t.approveSubmit}
      </Button>
      <FormStatus state={state} />
      {confirmDialog}
    </div>
  );
}
