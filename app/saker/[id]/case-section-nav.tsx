'use client';

import { formProgress } from '@/lib/cases/case-sections';
import { nb } from '@/lib/i18n/nb';

const t = nb.caseNav;

/**
 * Links to the form's sections, each saying how far it is filled in (as
 * text, not colour alone). Beside the form from the lg breakpoint, where it
 * stays in view; above it on a phone.
 */
export function CaseSectionNav({ content }: { content: Record<string, unknown> }) {
  const progress = formProgress(content);
  const started = progress.filter((s) => s.filled > 0).length;
  return (
    <nav aria-labelledby="skjemadeler" className="mt-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm lg:sticky lg:top-20">
      <h2 id="skjemadeler" className="font-semibold">
        {t.heading}
      </h2>
      <p className="text-sm text-slate-700">{t.overall(started, progress.length)}</p>
      <ol className="mt-2 grid gap-1">
        {progress.map((s) => (
          <li key={s.key}>
            <a href={`#${s.anchor}`} className="flex items-start gap-2 rounded px-1 py-1 hover:bg-slate-100">
              <span
                aria-hidden="true"
                className={`mt-1 inline-block size-3 shrink-0 rounded-full border-2 border-brand-700 ${s.filled === 0 ? '' : s.filled === s.total ? 'bg-brand-700' : 'bg-brand-50'}`}
              />
              <span>
                <span className="block text-brand-800 underline">{nb.cases.sections[s.key]}</span>
                {/* Chromium joins two block spans of a link's name without a space: Orca read "synspunkterIkke påbegynt". */}
                <span className="sr-only">,&nbsp;</span>
                <span className="block text-xs text-slate-700">{t.section(s.filled, s.total)}</span>
              </span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
