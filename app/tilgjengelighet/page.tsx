import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { readSession } from '@/app/_auth/current-session';
import { AppFooter } from '@/app/_components/app-footer';
import { PageShell } from '@/app/_components/page-shell';
import { AccessibilityStatement } from './accessibility-statement';
import { nb } from '@/lib/i18n/nb';
import { runtimeConfig } from '@/lib/runtime/services';

export const metadata: Metadata = { title: nb.accessibility.title };
export const dynamic = 'force-dynamic';

/** The accessibility statement: open to everyone (the login page links here too), in the app's frame when signed in. */
export default async function AccessibilityPage() {
  const { live } = await readSession();
  const config = runtimeConfig();
  const statement = (
    <AccessibilityStatement
      organisation={config.organisation}
      publishedUrl={config.accessibilityStatementUrl}
      contact={config.accessibilityContact}
    />
  );
  if (live) {
    return (
      <PageShell userName={live.user.name} actor={live.actor}>
        {statement}
      </PageShell>
    );
  }
  return <SignedOutFrame>{statement}</SignedOutFrame>;
}

function SignedOutFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        {/* Reached from the login page: the way back, as a signed-in page has its header. */}
        <p className="mb-6">
          <Link href="/login" className="text-brand-700 underline">
            {nb.accessibility.backToLogin}
          </Link>
        </p>
        {children}
      </main>
      <AppFooter />
    </>
  );
}
