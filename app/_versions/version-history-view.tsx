import { Alert, Button, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { DataTable } from '@/app/_components/data-table';
import { FilterSelect } from '@/app/_components/filter-fields';
import { formatDateTime } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { versionFieldLabel } from '@/lib/i18n/nb-versions';
import { diffFields } from '@/lib/cases/diff-versions';
import { canRestoreVersion } from '@/lib/access/policy';
import type { VersionHistory } from '@/lib/versions/version-history';
import { restoreVersionAction } from './actions';
import { displayValue, TextDiff } from './field-value';

const t = nb.versions;
/** A free-text value (or an empty one): shown as a word-level diff. Choices, ticks and lists as before/after. */
// Free text is shown as a word diff; a choice or a date (a string that reads otherwise) in words.
const isText = (value: unknown) => value === undefined || (typeof value === 'string' && displayValue(value) === value);

/**
 * A version history page's body (a case's or an item's): the versions with
 * who changed what, a comparison of two chosen versions (a plain GET form, so
 * it works without JavaScript), and restore buttons where the person may edit.
 */
export function VersionHistoryView({
  history,
  path,
  compare,
  restored,
}: {
  history: VersionHistory;
  /** This page's path: the comparison form submits to it. */
  path: string;
  compare: { from?: string; to?: string };
  restored: boolean;
}) {
  const { entries, doc } = history;
  const label = (field: string) => versionFieldLabel(doc.kind, field);
  const name = (e: (typeof entries)[number]) => t.versionOption(t.kinds[e.kind] ?? e.kind, formatDateTime(e.at));
  const editable = canRestoreVersion(history.level);
  // Default comparison: the newest version against the one before it.
  const to = entries.find((e) => e.id === compare.to) ?? entries[0];
  const from = entries.find((e) => e.id === compare.from) ?? entries[1];
  const changes = from && to ? diffFields(from.content, to.content) : [];
  const options = entries.map((e) => [e.id, name(e)] as const);
  return (
    <>
      <p className="mt-2 max-w-3xl text-slate-700">{t.intro}</p>
      <p className="mt-1 text-sm text-slate-700">{t.granularity}</p>
      {restored ? (
        <Alert role="status" data-color="success" data-size="sm" className="mt-4">
          {t.restored}
        </Alert>
      ) : null}

      <section aria-labelledby="versjoner" className="mt-6">
        <h2 id="versjoner" className="text-xl font-semibold">
          {t.listHeading}
        </h2>
        {entries.length === 0 ? (
          <p className="mt-2">{t.none}</p>
        ) : (
          <>
            {editable ? <p className="mt-2 text-sm text-slate-700">{t.restoreHint}</p> : <p className="mt-2 text-sm">{t.readOnly}</p>}
            <DataTable caption={t.listHeading} className="mt-3" reflowBelow="lg">
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">{t.columns.when}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.columns.kind}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.columns.by}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.columns.changes}</TableHeaderCell>
                  {editable ? <TableHeaderCell scope="col">{t.columns.actions}</TableHeaderCell> : null}
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((entry) => (
                  <TableRow key={entry.id} className="align-top">
                    <TableCell data-label={t.columns.when} className="whitespace-nowrap">
                      {formatDateTime(entry.at)}
                    </TableCell>
                    <TableCell data-label={t.columns.kind}>{t.kinds[entry.kind] ?? entry.kind}</TableCell>
                    <TableCell data-label={t.columns.by}>{entry.by ?? t.unknownPerson}</TableCell>
                    <TableCell data-label={t.columns.changes}>
                      {entry.changes.length === 0 ? (
                        t.noChanges
                      ) : (
                        <ul className="list-disc pl-4">
                          {entry.changes.map((change) => (
                            <li key={change.field}>
                              {label(change.field)}
                              {change.people.length ? ` – ${t.editedBy(change.people.join(', '))}` : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    {editable ? (
                      <TableCell data-label={t.columns.actions}>
                        <form action={restoreVersionAction}>
                          <input type="hidden" name="kind" value={doc.kind} />
                          <input type="hidden" name="id" value={doc.id} />
                          <input type="hidden" name="versionId" value={entry.id} />
                          <Button type="submit" variant="secondary" data-size="sm" aria-label={t.restoreLabel(formatDateTime(entry.at))}>
                            {t.restore}
                          </Button>
                        </form>
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </DataTable>
          </>
        )}
        {history.editedSinceLatest.length > 0 ? (
          <div className="mt-4">
            <h3 className="font-semibold">{t.editingNowHeading}</h3>
            <p className="text-sm">{t.editingNowIntro}</p>
            <ul className="list-disc pl-5 text-sm">
              {history.editedSinceLatest.map((e) => (
                <li key={e.field}>
                  {label(e.field)} – {t.editedBy(e.people.join(', '))}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="sammenlign" className="mt-8">
        <h2 id="sammenlign" className="text-xl font-semibold">
          {t.compareHeading}
        </h2>
        {entries.length < 2 ? (
          <p className="mt-2">{t.compareNeedsTwo}</p>
        ) : (
          <>
            <form method="get" action={path} className="mt-3 flex flex-wrap items-end gap-4">
              <FilterSelect id="versjon-fra" label={t.from} name="fra" defaultValue={from?.id} options={options} />
              <FilterSelect id="versjon-til" label={t.to} name="til" defaultValue={to?.id} options={options} />
              <Button type="submit" data-size="sm">
                {t.compare}
              </Button>
            </form>
            {from && to ? (
              <div className="mt-4">
                <h3 className="font-semibold">{t.diffHeading(name(from), name(to))}</h3>
                {changes.length === 0 ? <p className="mt-2">{t.sameVersions}</p> : null}
                <dl className="mt-2 space-y-3">
                  {changes.map((change) => (
                    <div key={change.field}>
                      <dt className="font-medium">{label(change.field)}</dt>
                      <dd>
                        {isText(change.before) && isText(change.after) ? (
                          <TextDiff before={String(change.before ?? '')} after={String(change.after ?? '')} />
                        ) : (
                          <p className="mt-1">
                            {t.before}: {displayValue(change.before)} · {t.after}: {displayValue(change.after)}
                          </p>
                        )}
                      </dd>
                    </div>
                  ))}
                </dl>
              </div>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
