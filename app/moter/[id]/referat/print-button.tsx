'use client';

/** Opens the browser's print dialog; the page's print styles hide the navigation. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="text-brand-700 underline">
      {label}
    </button>
  );
}
