'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@digdir/designsystemet-react';
import { nb } from '@/lib/i18n/nb';
import { SignOutButton } from './sign-out-button';

export type NavLink = { href: string; label: string };

/**
 * The header: the product name (or the installation's logo), the main
 * navigation and the account. From the lg breakpoint the links sit in the
 * bar; below it a Meny button opens them as a list (Escape or a chosen link
 * closes it, and focus goes back to the button), so nothing overflows on a
 * phone. Its inner width is the page's (`width`), so header and content line up.
 */
export function AppHeader({
  userName,
  links,
  logoUrl,
  width,
}: {
  userName: string;
  links: NavLink[];
  logoUrl: string | null;
  width: string;
}) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>('a, button')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const current = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  const linkList = (className: string) =>
    links.map((link) => (
      <li key={link.href}>
        <Link href={link.href} aria-current={current(link.href) ? 'page' : undefined} className={className} onClick={() => setOpen(false)}>
          {link.label}
        </Link>
      </li>
    ));

  return (
    <header
      className="sticky top-0 z-40 bg-brand-800 text-white print:static print:hidden"
      onKeyDown={(event) => {
        if (open && event.key === 'Escape') close();
      }}
    >
      <div className={`mx-auto flex items-center justify-between gap-4 px-4 py-3 ${width}`}>
        <Link href="/" className="shrink-0 text-lg font-semibold tracking-tight">
          {logoUrl ? <img src={logoUrl} alt={nb.shell.logoAlt(nb.app.name)} className="h-8 w-auto" /> : nb.app.name}
        </Link>
        <nav aria-label={nb.app.mainNavigation} className="hidden min-w-0 flex-1 lg:block">
          <ul className="flex flex-wrap items-center gap-x-5 gap-y-1">
            {linkList('text-sm font-medium underline-offset-4 hover:underline aria-[current=page]:underline')}
          </ul>
        </nav>
        <div className="hidden shrink-0 items-center gap-4 lg:flex">
          <Link href="/konto" className="text-sm underline-offset-4 hover:underline">
            {nb.header.signedInAs(userName)}
          </Link>
          <SignOutButton />
        </div>
        <Button
          ref={toggle}
          type="button"
          variant="secondary"
          // White on the accent-coloured bar (the secondary button's own colours are for a light background).
          className="border-white text-white hover:bg-white/15 hover:text-white lg:hidden"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? nb.shell.closeMenu : nb.shell.menu}
        </Button>
      </div>
      <div id={menuId} ref={panel} hidden={!open} className="border-t border-white/30 px-4 pb-4 lg:hidden">
        <nav aria-label={nb.app.mainNavigation}>
          <ul className="grid gap-1 py-2">
            {linkList('block rounded px-2 py-2 font-medium hover:bg-white/10 aria-[current=page]:underline')}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 border-t border-white/30 pt-3">
          <Link href="/konto" className="rounded px-2 py-2 underline-offset-4 hover:underline" onClick={() => setOpen(false)}>
            {nb.header.signedInAs(userName)}
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
