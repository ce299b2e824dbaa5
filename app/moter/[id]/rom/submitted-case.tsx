import { Card } from '@digdir/designsystemet-react';
import { criteria, type CaseContent } from '@/lib/cases/case-form';
import { caseSections, hasValue, type CaseEntry } from '@/lib/cases/case-sections';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';

const t = nb.meetingRoom;
const c = nb.cases;
const f = c.fields;

/** The two views the meeting hears before anything else: the person's own, and their relatives'. */
const views = ['personView', 'relativesView'] as const;

/**
 * The whole submitted case, read-only, section by section as the form has it
 * — nothing folded away. The person's own view and the relatives' view come
 * first and stand out: the guideline gives the recipient a right to take part,
 * and their view belongs in front of the meeting (an empty one is said to be
 * missing, not hidden).
 */
export function SubmittedCase({ content, headingLevel = 3 }: { content: CaseContent; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h3';
  return (
    <div className="space-y-4 text-sm">
      {/* Designsystemet's tinted card sets the views apart (was a home-made sky-blue box). */}
      <Card asChild variant="tinted" data-color="accent" data-size="sm">
        <section aria-labelledby="innmeldt-syn">
          <Heading id="innmeldt-syn" className="font-semibold">
            {t.submittedViews}
          </Heading>
          <dl className="mt-1 space-y-2">
            {views.map((field) => (
              <div key={field}>
                <dt className="font-medium">{f[field]}</dt>
                <dd className="whitespace-pre-wrap">{content[field]?.trim() ? content[field] : <em>{t.notGiven}</em>}</dd>
              </div>
            ))}
          </dl>
        </section>
      </Card>
      {caseSections.map((section) => {
        const entries = section.entries.filter((entry) => !(views as readonly string[]).includes(entry.field) && hasValue(content, entry));
        const id = `innmeldt-${section.key}`;
        return (
          <section key={section.key} aria-labelledby={id}>
            <Heading id={id} className="font-semibold">
              {c.sections[section.key]}
            </Heading>
            {entries.length === 0 ? (
              <p className="text-slate-700">{t.emptySection}</p>
            ) : (
              <dl className="mt-1 space-y-2">
                {entries.map((entry) => (
                  <Entry key={entry.field} entry={entry} content={content} />
                ))}
              </dl>
            )}
          </section>
        );
      })}
    </div>
  );
}

function Entry({ entry, content }: { entry: CaseEntry; content: CaseContent }) {
  // A ticked box is a statement ("Saken haster"): shown only when ticked, with its answer.
  if (entry.kind === 'flag')
    return (
      <div>
        <dt className="font-medium">{f[entry.field]}</dt>
        <dd>{c.yes}</dd>
      </div>
    );
  return (
    <div>
      <dt className="font-medium">{labelOf(entry)}</dt>
      <dd className="whitespace-pre-wrap">{valueOf(entry, content)}</dd>
    </div>
  );
}

function labelOf(entry: Exclude<CaseEntry, { kind: 'flag' }>): string {
  const field = entry.field;
  const criterion = criteria.find((name) => field.startsWith(name));
  if (criterion && field.endsWith('Level')) return t.criterionLevel(f[criterion]);
  if (criterion && field.endsWith('Factors')) return f.factorsLegend(f[criterion]);
  if (criterion && field.endsWith('Reasons')) return f.reasons(f[criterion]);
  if (field === 'alternatives') return f.alternativesLegend;
  const label = (f as Record<string, unknown>)[field];
  return typeof label === 'string' ? label : field;
}

function valueOf(entry: Exclude<CaseEntry, { kind: 'flag' }>, content: CaseContent): string {
  const value = content[entry.field];
  switch (entry.kind) {
    case 'date':
      return formatDate(String(value));
    case 'list':
      return (value as string[]).map((option) => ({ ...c.factors, ...c.alternatives })[option] ?? option).join(', ');
    case 'choice': {
      const labels: Record<string, string> =
        entry.field === 'caseType'
          ? c.caseTypes
          : entry.field === 'level'
            ? c.levels
            : entry.field === 'purpose'
              ? c.purposes
              : c.criterionLevels;
      return labels[String(value)] ?? String(value);
    }
    default:
      return String(value);
  }
}
