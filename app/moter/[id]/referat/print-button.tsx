'use client';

import { Button } from '@digdir/designsystemet-react';

/** Opens the browser's print dialog; the page's print styles hide the navigation. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" data-size="sm" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
