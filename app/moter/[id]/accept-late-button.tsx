'use client';

import { Button, ValidationMessage } from '@digdir/designsystemet-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { nb } from '@/lib/i18n/nb';

export function AcceptLateButton({ caseId }: { caseId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function accept() {
    setBusy(true);
    setFailed(false);
    const ok = await fetch(`/api/cases/${caseId}/accept-late`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).then(
      (response) => response.ok,
      () => false,
    );
    setBusy(false);
    if (!ok) return setFailed(true);
    router.refresh();
  }
  return (
    <>
      <Button type="button" data-size="sm" className="mt-2" loading={busy} disabled={busy} onClick={accept}>
        {nb.cases.acceptLate}
      </Button>
      {failed ? (
        <ValidationMessage role="alert" className="mt-1">
          {nb.errors.generic}
        </ValidationMessage>
      ) : null}
    </>
  );
}
