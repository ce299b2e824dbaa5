import Link from 'next/link';
import { nb } from '@/lib/i18n/nb';

/** The page shown instead of content that cannot be shown: a heading and the way home. */
export function ErrorNotice({ title }: { title: string }) {
  return (
    <main id="hovedinnhold" className="mx-auto max-w-md px-4 py-16">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-4">
        <Link href="/" className="text-brand-700 underline">
          {nb.errors.backHome}
        </Link>
      </p>
    </main>
  );
}
