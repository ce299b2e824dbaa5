'use client';

import { signOut } from 'next-auth/react';
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
    <button
      type="button"
      onClick={async () => {
        await forgetLocalDrafts().catch(() => undefined);
        await signOut({ callbackUrl: '/login' });
      }}
      className="rounded border border-white/70 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10"
    >
      {nb.header.signOut}
    </button>
  );
}
