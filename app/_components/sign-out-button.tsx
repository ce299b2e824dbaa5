'use client';

import { signOut } from 'next-auth/react';
import { Button } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';

/**
 * Drafts are kept in the browser (IndexedDB) so typing survives a lost
 * network; that copy is health information, so it goes when the user logs out.
 */
async function forgetLocalDrafts(): Promise<void> {
  if (!('indexedDB' in window) || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases
      .filter((db) => db.name?.startsWith('samlet:'))
      .map(
        (db) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(db.name!);
            request.onsuccess = request.onerror = request.onblocked = () => resolve();
          }),
      ),
  );
}

export function SignOutButton() {
  return (
    <Button
      type="button"
      variant="secondary"
      data-size="sm"
      onClick={async () => {
        await forgetLocalDrafts().catch(() => undefined);
        await signOut({ callbackUrl: '/login' });
      }}
      // White on the accent-coloured bar, as the header's Meny button (the secondary colours are for a light background).
      className="border-white text-white hover:bg-white/15 hover:text-white"
    >
      {nb.header.signOut}
    </Button>
  );
}
