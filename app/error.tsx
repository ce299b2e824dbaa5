'use client';

import { ErrorNotice } from '@/app/_components/error-notice';
import { nb } from '@/lib/i18n/nb';

/**
 * What a page or form post shows when it fails (the database away, a form
 * that was tampered with): a Norwegian message instead of Next's English one.
 * The status is the error mapping's (server/http/page-error-status.ts), not 200.
 */
export default function PageError() {
  return <ErrorNotice title={nb.errors.generic} />;
}
