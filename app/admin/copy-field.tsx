'use client';

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
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-500 px-2 py-1 font-mono text-sm"
        />
        <button
          type="button"
          onClick={copy}
          className="min-h-6 rounded border border-brand-800 px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
        >
          {t.copyLink}
        </button>
      </div>
      <p role="status" className={`text-sm ${status === 'failed' ? 'font-medium text-red-800' : 'text-green-800'}`}>
        {status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}
      </p>
    </div>
  );
}
