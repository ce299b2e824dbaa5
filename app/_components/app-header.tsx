import Link from 'next/link';
import { nb } from '@/lib/i18n/nb';
import { SignOutButton } from './sign-out-button';

export function AppHeader({ userName, showAudit }: { userName: string; showAudit: boolean }) {
  return (
    <header className="bg-brand-800 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <nav aria-label={nb.app.mainNavigation} className="flex items-center gap-6">
          <Link href="/" className="text-lg font-semibold tracking-tight">
            {nb.app.name}
          </Link>
          <Link href="/saker" className="text-sm font-medium underline-offset-4 hover:underline">
            {nb.nav.myCases}
          </Link>
          <Link href="/oppfolging" className="text-sm font-medium underline-offset-4 hover:underline">
            {nb.nav.followUps}
          </Link>
          <Link href="/historikk" className="text-sm font-medium underline-offset-4 hover:underline">
            {nb.nav.history}
          </Link>
          <Link href="/sok" className="text-sm font-medium underline-offset-4 hover:underline">
            {nb.nav.search}
          </Link>
          {showAudit ? (
            <Link href="/revisjon" className="text-sm font-medium underline-offset-4 hover:underline">
              {nb.nav.audit}
            </Link>
          ) : null}
        </nav>
        <div className="flex items-center gap-4">
          <span className="text-sm">{nb.header.signedInAs(userName)}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
