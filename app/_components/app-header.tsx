import Link from 'next/link';
import { nb } from '@/lib/i18n/nb';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ userName, showAudit, showAdmin }: { userName: string; showAudit: boolean; showAdmin: boolean }) {
  const links: [string, string][] = [
    ['/saker', nb.nav.myCases],
    ['/oppfolging', nb.nav.followUps],
    ['/historikk', nb.nav.history],
    ['/sok', nb.nav.search],
    ...(showAudit ? [['/revisjon', nb.nav.audit] as [string, string]] : []),
    ...(showAdmin ? [['/admin', nb.nav.admin] as [string, string]] : []),
  ];
  return (
    <header className="bg-brand-800 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <nav aria-label={nb.app.mainNavigation} className="flex items-center gap-6">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            {nb.app.name}
          </Link>
          {links.map(([href, label]) => (
            <Link key={href} href={href} className="text-sm font-medium underline-offset-4 hover:underline">
              {label}
            </Link>
          ))}
        </nav>
        <div className="flex items-center gap-4">
          <Link href="/konto" className="text-sm underline-offset-4 hover:underline">
            {nb.header.signedInAs(userName)}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
