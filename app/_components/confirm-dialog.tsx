'use client';

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';

export type ConfirmOptions = {
  title: string;
  /** What happens, in a sentence; the default is the title alone. */
  message?: string;
  confirmLabel: string;
  /** A destructive action: the confirm button is red. */
  danger?: boolean;
};

/**
 * `const [confirm, confirmDialog] = useConfirm()` — put `confirmDialog` in the
 * page and `if (!(await confirm({...}))) return;` where `window.confirm` was.
 * A Designsystemet modal dialog (native <dialog>): focus starts on Avbryt, so
 * Enter never confirms a destructive action by accident; Escape and the close
 * button cancel; focus returns where it was when the dialog closes.
 */
export function useConfirm(): [(options: ConfirmOptions) => Promise<boolean>, ReactNode] {
  const [pending, setPending] = useState<ConfirmOptions | null>(null);
  const resolver = useRef<((answer: boolean) => void) | null>(null);
  const confirm = useCallback((options: ConfirmOptions) => {
    resolver.current?.(false);
    setPending(options);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const answer = (value: boolean) => {
    resolver.current?.(value);
    resolver.current = null;
    setPending(null);
  };
  return [confirm, <ConfirmDialog key="confirm-dialog" options={pending} onAnswer={answer} />];
}

export function ConfirmDialog({ options, onAnswer }: { options: ConfirmOptions | null; onAnswer: (confirmed: boolean) => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  // After the Dialog's own effect has opened it (a child's effects run first): showModal focuses the close button, we want Avbryt.
  useEffect(() => {
    if (options) cancel.current?.focus();
  }, [options]);
  return (
    <Dialog
      open={options !== null}
      onClose={() => onAnswer(false)}
      closeButton={nb.shell.confirm.close}
      aria-labelledby="confirm-dialog-title"
    >
      {options ? (
        <>
          <Heading level={2} data-size="xs" id="confirm-dialog-title">
            {options.title}
          </Heading>
          {options.message ? <Paragraph className="mt-2">{options.message}</Paragraph> : null}
          <div className="mt-6 flex flex-wrap gap-3">
            <Button type="button" data-color={options.danger ? 'danger' : undefined} onClick={() => onAnswer(true)}>
              {options.confirmLabel}
            </Button>
            <Button ref={cancel} type="button" variant="secondary" onClick={() => onAnswer(false)}>
              {nb.shell.confirm.cancel}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
