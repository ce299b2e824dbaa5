'use client';

import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert, Button, Textfield } from '@digdir/designsystemet-react';
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
          <Alert id="login-error" role="alert" data-color="danger" data-size="sm">
            {/* One paragraph: with two, Chromium reported the second first and Orca read the hint before the error. */}
            <p>
              {error}
              <br />
              {nb.login.throttledHint}
            </p>
          </Alert>
        ) : null}
        <Textfield id="email" name="email" type="email" label={nb.login.email} autoComplete="username" required />
        <Textfield id="password" name="password" type="password" label={nb.login.password} autoComplete="current-password" required />
        <Button type="submit" disabled={busy} className="w-full">
          {busy ? nb.login.submitting : nb.login.submit}
        </Button>
      </form>
      {oidcName ? (
        <>
          <p className="my-4 text-center text-sm text-slate-700">{nb.login.or}</p>
          <Button type="button" variant="secondary" onClick={() => void signIn('oidc', { callbackUrl })} className="w-full">
            {nb.login.oidc(oidcName)}
          </Button>
        </>
      ) : null}
    </div>
  );
}
