'use client';

import { Button } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { nb } from '@/lib/i18n/nb';

const t = nb.handOff;

/**
 * One block of the hand-off: where it goes in the record system, its plain
 * text, and one-click copy. The status line is always in the page, so a
 * screen reader announces "Kopiert" when it appears.
 */
export function CopyBlock({ title, target, text }: { title: string; target: string; text: string }) {
  const id = useId();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <section aria-labelledby={`${id}-title`} className="rounded border border-slate-300 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        {t.target}: <span className="font-medium">{target}</span>
      </p>
      <pre id={`${id}-text`} className="mt-3 rounded bg-slate-50 p-3 font-sans text-sm break-words whitespace-pre-wrap">
        {text || t.empty}
      </pre>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" data-size="sm" onClick={copy} disabled={!text} aria-describedby={`${id}-text`}>
          {t.copy(title)}
        </Button>
        <p role="status" className={`text-sm ${status === 'failed' ? 'font-medium text-red-800' : 'text-green-800'}`}>
          {status === 'copied' ? t.copied : status === 'failed' ? t.copyFailed : ''}
        </p>
      </div>
    </section>
  );
}
