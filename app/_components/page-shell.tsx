import type { ReactNode } from 'react';
import type { Actor } from '@/lib/access/access-service';
import { auditLogUnits, hasAdministrationPages, hasCasePages, unitsWithDocumentationOverview } from '@/lib/access/policy';
import { nb } from '@/lib/i18n/nb';
import { unitsForLeaderCases } from '@/lib/access/leader-case-policy';
import { optionalRuntimeConfig } from '@/lib/runtime/services';
import { AppHeader, type NavLink } from './app-header';
import { AppFooter } from './app-footer';

/** Header, main landmark and footer every signed-in page shares; header and main share one width so they line up. */
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
  const width = wide ? 'max-w-6xl' : 'max-w-5xl';
  return (
    <>
      <AppHeader userName={userName} links={navLinks(actor)} logoUrl={optionalRuntimeConfig()?.theme.logoUrl ?? null} width={width} />
      <main id="hovedinnhold" tabIndex={-1} className={`mx-auto w-full flex-1 px-4 py-8 focus:outline-none ${width}`}>
        {children}
      </main>
      <AppFooter width={width} />
    </>
  );
}

/** Only what the person's roles can use: a system administrator in no unit sees administration, not cases. */
function navLinks(actor: Actor): NavLink[] {
  const links: NavLink[] = [];
  if (hasCasePages(actor)) {
    links.push(
      { href: '/saker', label: nb.nav.myCases },
      { href: '/oppfolging', label: nb.nav.followUps },
      { href: '/historikk', label: nb.nav.history },
      { href: '/sok', label: nb.nav.search },
    );
  }
  if (unitsForLeaderCases(actor.memberships).length > 0) links.push({ href: '/ledersaker', label: nb.leaderCases.nav });
  if (unitsWithDocumentationOverview(actor.memberships).length > 0) links.push({ href: '/fagsystem', label: nb.nav.undocumented });
  if (auditLogUnits(actor.memberships).length > 0) links.push({ href: '/revisjon', label: nb.nav.audit });
  if (hasAdministrationPages(actor)) links.push({ href: '/admin', label: nb.nav.admin });
  return links;
}
