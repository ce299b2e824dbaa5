'use client';

import Link from 'next/link';
import { nb } from '@/lib/i18n/nb';

/**
 * What a page or form post shows when it fails (the database away, a form
 * that was tampered with): a Norwegian message instead of Next's English one.
 * The status is the error mapping's (server/http/page-error-status.ts), not 200.
 */
export default function PageError() {
  return (
    <main id="hovedinnhold" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">{nb.errors.generic}</h1>
      <p className="mt-4">
        <Link href="/" className="text-brand-700 underline">
          {nb.errors.backHome}
        </Link>
      </p>
    </main>
  );
}
