import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SkipLink } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';
import { optionalRuntimeConfig } from '@/lib/runtime/services';
import { defaultTheme, themeCss } from '@/lib/theme/theme-css';
import './globals.css';

export const metadata: Metadata = {
  title: { default: nb.app.name, template: `%s · ${nb.app.name}` },
  description: nb.app.tagline,
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const theme = optionalRuntimeConfig()?.theme ?? defaultTheme;
  return (
    <html lang="nb" data-color-scheme="light">
      <head>
        {/* The installation's colour (SAMLET_THEME_COLOR) as Designsystemet's accent scale. */}
        <style>{themeCss(theme)}</style>
      </head>
      <body className="flex min-h-screen flex-col">
        <SkipLink href="#hovedinnhold">{nb.app.skipToContent}</SkipLink>
        {children}
      </body>
    </html>
  );
}
