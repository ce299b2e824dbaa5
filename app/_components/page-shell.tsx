import type { ReactNode } from 'react';
import { AppHeader } from './app-header';

/** Header plus the main landmark every signed-in page shares. */
export function PageShell({ userName, children, wide = false }: { userName: string; children: ReactNode; wide?: boolean }) {
  return (
    <>
      <AppHeader userName={userName} />
      <main id="hovedinnhold" className={`mx-auto px-4 py-8 ${wide ? 'max-w-6xl' : 'max-w-5xl'}`}>
        {children}
      </main>
    </>
  );
}
