import Link from 'next/link';
import { nb } from '@/lib/i18n/nb';

/** The footer on every page (signed in or not): the way to the accessibility statement, as the regulations ask. */
export function AppFooter({ width = 'max-w-5xl' }: { width?: string }) {
  return (
    <footer className="mt-auto border-t border-slate-300 bg-white print:hidden">
      <nav aria-label={nb.shell.footerLabel} className={`mx-auto px-4 py-4 text-sm ${width}`}>
        <Link href="/tilgjengelighet" className="text-brand-700 underline">
          {nb.shell.accessibilityLink}
        </Link>
      </nav>
    </footer>
  );
}
