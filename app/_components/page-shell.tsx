import type { ReactNode } from 'react';
import type { Actor } from '@/lib/access/access-service';
import { auditLogUnits, hasAdministrationPages } from '@/lib/access/policy';
import { AppHeader } from './app-header';

/** Header plus the main landmark every signed-in page shares. */
export function PageShell({
  userName,
  actor,
  children,
  wide = false,
}: {
  userName: string;
  actor: Actor;
  children: ReactNode;
  wide?: boolean;
}) {
  const showAudit = auditLogUnits(actor.memberships).length > 0;
  return (
    <>
      <AppHeader userName={userName} showAudit={showAudit} showAdmin={hasAdministrationPages(actor)} />
      <main id="hovedinnhold" className={`mx-auto px-4 py-8 ${wide ? 'max-w-6xl' : 'max-w-5xl'}`}>
        {children}
      </main>
    </>
  );
}
