import Link from "next/link";
import type { ComponentType } from "react";

import { NavLink, type NavLinkProps } from "./nav-link";
import { LogoMark } from "./wordmark";

/** What the staff shell (app-shell.tsx) and the candidate's (candidate-shell.tsx) both draw. */

export function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-[100] rounded-md bg-accent text-sm font-medium text-accent-foreground shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
    >
      Skip to content
    </a>
  );
}

export function FirmName({ firmName, home }: { firmName: string; home: string }) {
  return (
    <Link href={home} className="flex min-w-0 items-center gap-2.5 rounded-md">
      <LogoMark />
      <span className="min-w-0">
        <span className="block truncate text-sm font-semibold leading-5">{firmName}</span>
        <span className="block truncate text-xs leading-4 text-muted-foreground">Afterview</span>
      </span>
    </Link>
  );
}

/** One entry of a main navigation; the icon is drawn hidden from screen readers. */
export type NavItem = { href: string; label: string; icon: ComponentType<{ "aria-hidden"?: "true" }> };

/** A list of navigation links, each marking itself as the current page. */
export function NavItems({ items, className, variant }: { items: NavItem[]; className: string; variant?: NavLinkProps["variant"] }) {
  return (
    <ul className={className}>
      {items.map(({ href, label, icon: Icon }) => (
        <li key={href}>
          <NavLink href={href} variant={variant}>
            <Icon aria-hidden="true" />
            {label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
