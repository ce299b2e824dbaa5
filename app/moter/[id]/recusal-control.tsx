'use client';

import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useState } from 'react';
import { nb } from '@/lib/i18n/nb';
import { recusalAction, type RecusalState } from './recusal-actions';

const t = nb.recusal;

/**
 * Declaring oneself inhabil for one agenda item, with a reason (a
 * Designsystemet dialog), or withdrawing it while the item is not locked —
 * in the room and on the saksliste page. After the server has it the page
 * loads again, so what it shows (and what the server lets through) agree.
 */
export function RecusalControl(props: { meetingId: string; itemId: string; title: string; recused: boolean; locked: boolean }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<RecusalState, FormData>((_previous, formData) => recusalAction(formData), null);
  useEffect(() => {
    if (!state?.ok) return;
    setOpen(false);
    router.refresh();
  }, [state, router]);
  const error = state && !state.ok ? (t.errors[state.error] ?? t.errors.generic) : null;

  if (props.recused)
    return (
      <Alert data-color="info" data-size="sm" className="mt-2">
        <form action={action}>
          <p className="font-medium">{t.declared}</p>
          <input type="hidden" name="meetingId" value={props.meetingId} />
          <input type="hidden" name="itemId" value={props.itemId} />
          <input type="hidden" name="intent" value="withdraw" />
          {props.locked ? (
            <p className="mt-1 text-sm">{t.withdrawnLocked}</p>
          ) : (
            <Button type="submit" data-size="sm" variant="secondary" disabled={pending} className="mt-2">
              {t.withdraw}
            </Button>
          )}
          <p role="status" className="mt-1 text-sm text-red-800">
            {error ?? ''}
          </p>
        </form>
      </Alert>
    );
  if (props.locked) return null;
  return (
    <>
      <Button type="button" data-size="sm" variant="tertiary" aria-label={t.declareFor(props.title)} onClick={() => setOpen(true)}>
        {t.declare}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} closeButton={nb.shell.confirm.close} aria-labelledby={`recusal-${props.itemId}`}>
        <Heading level={2} data-size="xs" id={`recusal-${props.itemId}`}>
          {t.dialogTitle}: {props.title}
        </Heading>
        <Paragraph className="mt-2">{t.dialogIntro}</Paragraph>
        <form action={action} className="mt-4">
          <input type="hidden" name="meetingId" value={props.meetingId} />
          <input type="hidden" name="itemId" value={props.itemId} />
          <Textfield
            multiline
            rows={3}
            name="reason"
            label={t.reason}
            description={t.reasonHint}
            error={error}
            // The server checks it and says why in Norwegian; the browser's own message would not be.
            aria-required="true"
          />
          <div className="mt-4 flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              {t.submit}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
