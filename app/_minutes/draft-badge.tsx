import { nb } from '@/lib/i18n/nb';

/**
 * "Utkast" beside minutes that are not approved yet (search hits, the list of past meetings): what they
 * say may still be corrected. The words say it, not the colour alone.
 */
export function DraftBadge() {
  return (
    <span
      className="ml-2 inline-block rounded border border-amber-700 bg-amber-50 px-1.5 text-xs font-medium text-amber-900"
      title={nb.minutes.draftTitle}
    >
      {nb.minutes.draftBadge}
    </span>
  );
}
