import type { Metadata } from 'next';
import Link from 'next/link';
import {
  Alert,
  Details,
  DetailsContent,
  DetailsSummary,
  Field,
  Fieldset,
  FieldsetLegend,
  Label,
  Search,
  SearchButton,
  SearchInput,
} from '@digdir/designsystemet-react';
import { requireActor } from '@/app/_auth/require-actor';
import { DateField } from '@/app/_components/date-field';
import { FilterSelect, FilterText } from '@/app/_components/filter-fields';
import { PageShell } from '@/app/_components/page-shell';
import { caseLevels, caseTypes, criterionLevels, purposes } from '@/lib/cases/case-form';
import { getDb, getDbProvider } from '@/lib/db/db';
import type { TextPart } from '@/lib/history/highlight';
import { loadSearchPage } from '@/lib/history/load-search-page';
import { historySearchSchema, type HistorySearch } from '@/lib/history/search-history';
import { formatDate } from '@/lib/i18n/format';
import { nb } from '@/lib/i18n/nb';
import { DraftBadge } from '@/app/_minutes/draft-badge';
import { outcomes } from '@/lib/meetings/agenda-rules';
import { firstValues } from '@/lib/validation/query-params';

export const metadata: Metadata = { title: nb.history.search.title };
export const dynamic = 'force-dynamic';

const t = nb.history.search;

function Marked({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? (
          <mark key={i} className="bg-yellow-200 text-inherit">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

function Choice({
  name,
  label,
  value,
  options,
}: {
  name: keyof HistorySearch;
  label: string;
  value?: string;
  options: [string, string][];
}) {
  return <FilterSelect id={`sok-${name}`} name={name} label={label} defaultValue={value} anyLabel={t.any} options={options} />;
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, user } = await requireActor();
  const raw = firstValues(await searchParams);
  const parsed = historySearchSchema.safeParse(raw);
  const search: HistorySearch = parsed.success ? parsed.data : {};
  const asked = Object.keys(raw).length > 0;
  const {
    hits,
    caseworkers,
    draftMeetings: drafts,
  } = await loadSearchPage({
    db: getDb(),
    provider: getDbProvider(),
    actor,
    search: parsed.success && asked ? search : null,
  });
  const draftMeetings = new Set(drafts);
  const filtersInUse = Object.entries(search).filter(([key, value]) => key !== 'q' && value).length;
  const levels = criterionLevels.map((l) => [l, nb.cases.criterionLevels[l]] as [string, string]);
  return (
    <PageShell userName={user.name} actor={actor} wide>
      <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
      <p className="mt-2 max-w-prose text-slate-700">{t.intro}</p>
      <form method="get" role="search" className="mt-6 rounded border border-slate-300 bg-white p-4">
        <Field data-size="sm">
          <Label htmlFor="sok-q">{t.query}</Label>
          <Search>
            <SearchInput id="sok-q" name="q" defaultValue={search.q ?? raw.q ?? ''} maxLength={200} />
            <SearchButton>{t.submit}</SearchButton>
          </Search>
        </Field>
        {/*
          Twelve filters came before the results on a phone. Below 40rem they sit in a section that is closed
          once a search has results; from 40rem up the section is always open and its summary hidden
          (globals.css, .search-filters), so a desktop never has to open it.
        */}
        <Details data-size="sm" className="search-filters mt-4" defaultOpen={!hits.length}>
          <DetailsSummary>{t.filtersInUse(filtersInUse)}</DetailsSummary>
          <DetailsContent>
            <Fieldset data-size="sm">
              <FieldsetLegend className="max-sm:sr-only">{t.filters}</FieldsetLegend>
              <div className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
                <DateField id="sok-from" name="from" label={t.from} defaultValue={search.from ?? raw.from ?? ''} />
                <DateField id="sok-to" name="to" label={t.to} defaultValue={search.to ?? raw.to ?? ''} />
                {caseworkers.length ? (
                  <Choice
                    name="caseworkerId"
                    label={t.caseworker}
                    value={search.caseworkerId}
                    options={caseworkers.map((c) => [c.id, c.name])}
                  />
                ) : null}
                <FilterText
                  id="sok-service"
                  name="service"
                  label={t.service}
                  defaultValue={search.service ?? raw.service ?? ''}
                  maxLength={60}
                />
                <Choice
                  name="caseType"
                  label={t.caseType}
                  value={search.caseType}
                  options={caseTypes.map((c) => [c, nb.cases.caseTypes[c]])}
                />
                <Choice name="level" label={t.level} value={search.level} options={caseLevels.map((l) => [l, nb.cases.levels[l]])} />
                <Choice name="purpose" label={t.purpose} value={search.purpose} options={purposes.map((p) => [p, nb.cases.purposes[p]])} />
                <Choice
                  name="outcome"
                  label={t.outcome}
                  value={search.outcome}
                  options={outcomes.map((o) => [o, nb.meetingRoom.outcomes[o]])}
                />
                <Choice name="severity" label={t.severity} value={search.severity} options={levels} />
                <Choice name="benefit" label={t.benefit} value={search.benefit} options={levels} />
                <Choice name="resource" label={t.resource} value={search.resource} options={levels} />
                <Choice
                  name="children"
                  label={t.children}
                  value={search.children}
                  options={[
                    ['ja', t.yes],
                    ['nei', t.no],
                  ]}
                />
              </div>
            </Fieldset>
          </DetailsContent>
        </Details>
      </form>
      {!parsed.success ? (
        <Alert data-color="danger" role="alert" className="mt-4">
          {t.invalid}
        </Alert>
      ) : asked ? (
        <section aria-labelledby="treff" className="mt-6">
          <h2 id="treff" className="text-lg font-semibold" aria-live="polite">
            {t.results(hits.length, hits.length === 50)}
          </h2>
          <ol className="mt-3 space-y-3">
            {hits.map((hit) => (
              <li key={hit.itemId} className="rounded border border-slate-300 bg-white p-4">
                <h3 className="font-semibold">
                  <Link prefetch={false} href={`/moter/${hit.meetingId}/referat#punkt-${hit.itemId}`} className="text-brand-700 underline">
                    <Marked parts={hit.title} />
                  </Link>
                  {draftMeetings.has(hit.meetingId) ? <DraftBadge /> : null}
                </h3>
                <p className="text-sm text-slate-700">
                  {[
                    t.meeting(formatDate(hit.meetingDate)),
                    hit.personRef,
                    hit.level ? nb.cases.levels[hit.level] : null,
                    nb.cases.purposes[hit.purpose],
                    hit.outcome ? nb.meetingRoom.outcomes[hit.outcome] : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {hit.snippet.length ? (
                  <p className="mt-1 text-sm">
                    <Marked parts={hit.snippet} />
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </PageShell>
  );
}
