import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';

/**
 * A Designsystemet table that reflows on phones (WCAG 1.4.10): below 40rem
 * each row becomes a block and each cell shows its column's name from its
 * `data-label` (globals.css, `table.reflow`). The page never scrolls sideways
 * and the table never scrolls inside a box.
 */
export function DataTable({
  caption,
  captionVisible = false,
  className,
  reflow = true,
  reflowBelow = 'sm',
  children,
}: {
  caption: string;
  captionVisible?: boolean;
  className?: string;
  reflow?: boolean;
  /** Where rows turn into blocks: below 40rem (sm) or, for many or wide columns, below 64rem (lg). */
  reflowBelow?: 'sm' | 'lg';
  children: ReactNode;
}) {
  return (
    <Table
      data-size="sm"
      className={[reflow ? (reflowBelow === 'lg' ? 'reflow-lg' : 'reflow') : '', className ?? ''].join(' ').trim() || undefined}
    >
      <caption className={captionVisible ? undefined : 'sr-only'}>{caption}</caption>
      {children}
    </Table>
  );
}
