'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { nb } from '@/lib/i18n/nb';

export function AcceptLateButton({ caseId }: { caseId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function accept() {
    setBusy(true);
    const response = await fetch(`/api/cases/${caseId}/accept-late`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    setBusy(false);
    if (!response.ok) return setFailed(true);
    router.refresh();
  }
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={accept}
        className="mt-2 rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
      >
        {nb.cases.acceptLate}
      </button>
      {failed ? (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {nb.errors.generic}
        </p>
      ) : null}
    </>
  );
}
