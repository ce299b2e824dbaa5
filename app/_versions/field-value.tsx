import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import type { FollowUpDraft } from '@/lib/meetings/item-content';
import { diffWords } from '@/lib/versions/word-diff';

const c = nb.cases;
const m = nb.meetingRoom;
const t = nb.versions;

/** A stored value in words: choices by their label, ticks as Ja/Nei, follow-ups as "what (due)". */
export function displayValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return t.empty;
  if (typeof value === 'boolean') return value ? c.yes : c.no;
  if (Array.isArray(value)) {
    const parts = value.map((v) =>
      v && typeof v === 'object'
        ? [(v as FollowUpDraft).description, (v as FollowUpDraft).dueDate && formatDate((v as FollowUpDraft).dueDate)]
            .filter(Boolean)
            .join(' – ')
        : (c.factors[String(v)] ?? c.alternatives[String(v)] ?? String(v)),
    );
    return parts.join('; ') || t.empty;
  }
  const text = String(value);
  // A calendar date (the re-assessment date) reads as people write it, never as stored.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return (
    c.purposes[text] ??
    c.caseTypes[text] ??
    c.levels[text] ??
    c.criterionLevels[text] ??
    m.outcomes[text] ??
    m.referralTargets[text] ??
    text
  );
}

/**
 * A text field's change as a word-level diff: <del> and <ins> carry it for
 * sight and for assistive technology that announces them, and a visually
 * hidden "[slettet: …]" / "[lagt til: …]" says it where they are not announced.
 */
export function TextDiff({ before, after }: { before: string; after: string }) {
  return (
    <p className="mt-1 whitespace-pre-wrap rounded border border-slate-200 bg-white p-2 leading-relaxed">
      {diffWords(before, after).map((segment, index) => {
        if (segment.kind === 'same') return <span key={index}>{segment.text}</span>;
        const Mark = segment.kind === 'del' ? 'del' : 'ins';
        const style = segment.kind === 'del' ? 'bg-red-100 text-red-900 line-through' : 'bg-green-100 text-green-900 underline';
        return (
          <Mark key={index} className={style}>
            <span className="sr-only">{segment.kind === 'del' ? t.deletedStart : t.insertedStart}</span>
            {segment.text}
            <span className="sr-only">{t.markEnd}</span>
          </Mark>
        );
      })}
    </p>
  );
}
