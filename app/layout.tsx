import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { nb } from '@/lib/i18n/nb';
import './globals.css';

export const metadata: Metadata = {
  title: { default: nb.app.name, template: `%s · ${nb.app.name}` },
  description: nb.app.tagline,
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="nb">
      <body className="min-h-screen">
        <a
          href="#hovedinnhold"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
        >
          {nb.app.skipToContent}
        </a>
        {children}
      </body>
    </html>
  );
}
