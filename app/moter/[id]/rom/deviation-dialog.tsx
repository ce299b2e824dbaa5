'use client';

import { Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { nb } from '@/lib/i18n/nb';

const t = nb.recusal;

/**
 * "Like cases alike, or why not": the lock was refused because the outcome
 * departs from the top similar earlier decision; the chair writes why (a
 * required text) and locks again. The server checks the reason is there.
 */
export function DeviationDialog(props: { question: string | null; onCancel: () => void; onSubmit: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open={props.question !== null} onClose={props.onCancel} closeButton={nb.shell.confirm.close} aria-labelledby="deviation-title">
      <Heading level={2} data-size="xs" id="deviation-title">
        {t.deviationTitle}
      </Heading>
      <Paragraph className="mt-2">{props.question}</Paragraph>
      <form
        className="mt-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason.trim().length < 3) return setError(t.deviationRequired);
          setError(null);
          props.onSubmit(reason.trim());
        }}
      >
        <Textfield
          multiline
          rows={3}
          name="deviationReason"
          label={t.deviationReason}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={error}
          // Checked here, with a Norwegian message, rather than by the browser's own.
          aria-required="true"
        />
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit">{t.deviationSubmit}</Button>
          <Button type="button" variant="secondary" onClick={props.onCancel}>
            {t.cancel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
