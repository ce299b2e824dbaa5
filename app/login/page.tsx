import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { readSession } from '@/app/_auth/current-session';
import { oidcDisplayName } from '@/app/_auth/options';
import { AppFooter } from '@/app/_components/app-footer';
import { nb } from '@/lib/i18n/nb';
import { runtimeConfig } from '@/lib/runtime/services';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: nb.login.title };
export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if ((await readSession()).live) redirect('/');
  const params = await searchParams;
  const error = typeof params.error === 'string' ? params.error : null;
  return (
    <>
      <main
        id="hovedinnhold"
        tabIndex={-1}
        className="mx-auto flex w-full max-w-md flex-1 flex-col justify-center px-4 py-12 focus:outline-none"
      >
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{nb.app.name}</h1>
        <p className="mt-1 text-slate-700">{nb.app.tagline}</p>
        <section aria-labelledby="login-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="login-title" className="text-xl font-semibold">
            {nb.login.title}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{nb.login.intro}</p>
          <Suspense>
            <LoginForm initialError={loginError(error)} oidcName={oidcDisplayName()} />
          </Suspense>
        </section>
        {runtimeConfig().demo ? <p className="mt-4 text-sm text-slate-700">{nb.login.demoHint}</p> : null}
      </main>
      <AppFooter />
    </>
  );
}

function loginError(code: string | null): string | null {
  if (code === 'UnknownUser') return nb.login.unknownUser;
  if (code === 'SessionEnded') return nb.login.sessionEnded;
  return code ? nb.login.failed : null;
}
