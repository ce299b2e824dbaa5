import { nb } from '@/lib/i18n/nb';

const t = nb.accessibility;

/** The statement's sections in the order uustatus.no gives them: status, gaps, how it was checked, feedback, complaint. */
export function AccessibilityStatement({
  organisation,
  publishedUrl,
  contact,
}: {
  organisation: string;
  publishedUrl: string | null;
  contact: string | null;
}) {
  return (
    <article className="max-w-3xl space-y-8">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t.title}</h1>
        <p className="mt-3">{t.intro(organisation)}</p>
        <p className="mt-2 text-sm text-slate-700">{t.updated}</p>
      </header>
      <Section id="publisert" heading={t.published.heading}>
        {publishedUrl ? (
          <p>
            <a href={publishedUrl} className="text-brand-700 underline">
              {t.published.link}
            </a>
          </p>
        ) : (
          <p>{t.published.missing}</p>
        )}
      </Section>
      <Section id="status" heading={t.status.heading}>
        <p>{t.status.text}</p>
      </Section>
      <Section id="avvik" heading={t.gaps.heading}>
        <ul className="list-disc space-y-1 pl-6">
          {t.gaps.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </Section>
      <Section id="kontroll" heading={t.checked.heading}>
        <p>{t.checked.automatic}</p>
        <h3 className="mt-4 font-semibold">{t.checked.manualHeading}</h3>
        <dl className="mt-2 space-y-3">
          {t.checked.manual.map((check) => (
            <div key={check.name}>
              <dt className="font-medium">{check.name}</dt>
              <dd>{check.text}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4">{t.checked.notDone}</p>
      </Section>
      <Section id="tilbakemelding" heading={t.feedback.heading}>
        <p>{t.feedback.text(organisation)}</p>
        {contact ? (
          <p className="mt-2">
            {t.feedback.contact}{' '}
            <a href={`mailto:${contact}`} className="text-brand-700 underline">
              {contact}
            </a>
          </p>
        ) : null}
      </Section>
      <Section id="klage" heading={t.complaint.heading}>
        <p>{t.complaint.text}</p>
      </Section>
    </article>
  );
}

function Section({ id, heading, children }: { id: string; heading: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-lg font-semibold">
        {heading}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}
