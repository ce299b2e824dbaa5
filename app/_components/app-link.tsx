import NextLink from 'next/link';
import { Link } from '@digdir/designsystemet-react';
import type { ComponentProps, ReactNode } from 'react';

/**
 * A link inside the app: Designsystemet's Link (its colours, underline and
 * focus) over Next's client-side navigation. A file to download or a route
 * Next must not prefetch (a PDF) takes `plain`, a plain anchor with the same look.
 */
export function AppLink({
  href,
  children,
  plain = false,
  ...rest
}: { href: string; children: ReactNode; plain?: boolean } & Omit<ComponentProps<'a'>, 'href' | 'children'>) {
  if (plain)
    return (
      <Link href={href} {...rest}>
        {children}
      </Link>
    );
  return (
    <Link asChild {...rest}>
      <NextLink href={href}>{children}</NextLink>
    </Link>
  );
}
