import { Button, Field, Label, Textarea } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';

const t = nb.handOff.letter;

/**
 * The draft decision letter, editable in the page and downloaded as PDF or
 * DOCX by a plain form post (the text goes with it; the button pressed names
 * the format; nothing is stored).
 */
export function LetterForm({ caseId, letter }: { caseId: string; letter: string }) {
  return (
    <section aria-labelledby="vedtaksbrev" className="mt-6 rounded border border-slate-300 bg-white p-4">
      <h2 id="vedtaksbrev" className="text-lg font-semibold">
        {t.heading}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">{t.intro}</p>
      <form method="post" action={`/saker/${caseId}/fagsystem/brev`} className="mt-3 grid gap-3">
        <Field>
          <Label htmlFor="vedtaksbrev-tekst">{t.label}</Label>
          <Textarea id="vedtaksbrev-tekst" name="text" rows={18} defaultValue={letter} required maxLength={20_000} />
        </Field>
        <div className="flex flex-wrap gap-3">
          <Button type="submit" name="format" value="pdf" variant="secondary">
            {t.downloadPdf}
          </Button>
          <Button type="submit" name="format" value="docx" variant="secondary">
            {t.downloadDocx}
          </Button>
        </div>
      </form>
    </section>
  );
}
