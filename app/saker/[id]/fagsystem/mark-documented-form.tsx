import { Button } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';
import { markDocumentedAction } from './actions';

/** The caseworker's mark: the case is documented in the record system (a plain form: works without JavaScript). */
export function MarkDocumentedForm({ caseId }: { caseId: string }) {
  return (
    <form action={markDocumentedAction}>
      <input type="hidden" name="caseId" value={caseId} />
      <Button type="submit">{nb.handOff.markDocumented}</Button>
    </form>
  );
}
