import Link from 'next/link';
import { nb } from '@/lib/i18n/nb';
import { AppFooter } from './app-footer';

/** The page shown instead of content that cannot be shown: a heading and the way home. */
export function ErrorNotice({ title }: { title: string }) {
  return (
    <>
      <main id="hovedinnhold" tabIndex={-1} className="mx-auto w-full max-w-md flex-1 px-4 py-16 focus:outline-none">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p className="mt-4">
          <Link href="/" className="text-brand-700 underline">
            {nb.errors.backHome}
          </Link>
        </p>
      </main>
      <AppFooter />
    </>
  );
}
