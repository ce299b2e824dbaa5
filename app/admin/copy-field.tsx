'use client';

import { Button, Field, Input, Label } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { nb } from '@/lib/i18n/nb';

const t = nb.admin.meetings;

/**
 * A value to copy (the calendar link, shown once): the text in a read-only
 * field, selectable by hand, and a button that copies it. The status line is
 * always in the page, so a screen reader announces "Kopiert" when it appears.
 */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <Field data-size="sm" className="grid gap-1">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex flex-wrap items-center gap-2">
        <Input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 font-mono" />
        <Button type="button" variant="secondary" data-size="sm" onClick={copy}>
          {t.copyLink}
        </Button>
      </div>
      <p role="status" className={`text-sm ${status === 'failed' ? 'font-medium text-red-800' : 'text-green-800'}`}>
        {status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}
      </p>
    </Field>
  );
}
