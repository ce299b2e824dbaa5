import { Tag } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';

/**
 * "Utkast" beside minutes that are not approved yet (search hits, the list of past meetings): what they
 * say may still be corrected. The words say it, not the colour alone. Designsystemet's warning tag.
 */
export function DraftBadge() {
  return (
    <Tag data-color="warning" data-size="sm" className="ml-2 align-middle" title={nb.minutes.draftTitle}>
      {nb.minutes.draftBadge}
    </Tag>
  );
}
