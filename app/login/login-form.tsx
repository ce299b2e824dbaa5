'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { nb } from '@/lib/i18n/nb';

/** Only same-site paths: an open redirect after login would be a phishing aid. */
function safeCallback(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginForm({ initialError, oidcName }: { initialError: string | null; oidcName: string | null }) {
  const router = useRouter();
  const searchParams = useSearchParams();
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);
  const callbackUrl = safeCallback(searchParams.get('callbackUrl'));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
      callbackUrl,
    });
    setBusy(false);
    if (!result || result.error || !result.ok) {
      setError(nb.login.failed);
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <div className="mt-6">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? 'login-error' : undefined}>
        {error ? (
          <div id="login-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            <p>{error}</p>
            <p className="mt-1">{nb.login.throttledHint}</p>
          </div>
        ) : null}
        <div>
          <label htmlFor="email" className="block text-sm font-medium">
            {nb.login.email}
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">
            {nb.login.password}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          className="w-full rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {busy ? nb.login.submitting : nb.login.submit}
        </button>
      </form>
      {oidcName ? (
        <>
          <p className="my-4 text-center text-sm text-slate-700">{nb.login.or}</p>
          <button
            type="button"
            onClick={() => void signIn('oidc', { callbackUrl })}
            className="w-full rounded border border-brand-700 px-4 py-2 font-medium text-brand-800 hover:bg-brand-50"
          >
            {nb.login.oidc(oidcName)}
          </button>
        </>
      ) : null}
    </div>
  );
}
