"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentProps } from "react";

export type NavLinkProps = Omit<ComponentProps<typeof Link>, "href"> & {
  href: string;
  /** Only the exact path is current (default: the path and everything under it). */
  exact?: boolean;
  /** "sidebar": staff sidebar row · "tab": candidate bottom bar / top tabs. */
  variant?: "sidebar" | "tab" | "top";
};

function isCurrentPath(pathname: string, href: string, exact = false): boolean {
  if (pathname === href) return true;
  return !exact && href !== "/" && pathname.startsWith(`${href}/`);
}

/** A navigation link that marks itself `aria-current="page"` on its route (and sub-routes). */
export function NavLink({ href, exact, variant = "sidebar", className, ...props }: NavLinkProps) {
  const pathname = usePathname() ?? "";
  const current = isCurrentPath(pathname, href, exact);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      // A plain join (no tailwind-merge in the browser): the variants do not conflict with each other.
      className={[
        variant === "sidebar" &&
          "flex h-8 items-center gap-2.5 rounded-md px-2 text-sm font-medium text-muted-foreground transition-colors hover:bg-hover hover:text-foreground aria-[current=page]:bg-hover aria-[current=page]:text-foreground pointer-coarse:h-11 [&_svg]:size-4 [&_svg]:shrink-0 aria-[current=page]:[&_svg]:text-accent-text",
        variant === "tab" &&
          "flex min-h-16 flex-col items-center justify-center gap-1 px-2 text-xs font-medium text-muted-foreground transition-colors hover:text-foreground aria-[current=page]:text-accent-text [&_svg]:size-5",
        variant === "top" &&
          "relative flex h-14 items-center gap-2 px-1 text-sm font-medium text-muted-foreground transition-colors after:absolute after:inset-x-0 after:bottom-0 after:h-0.5 after:rounded-full hover:text-foreground aria-[current=page]:text-foreground aria-[current=page]:after:bg-accent [&_svg]:size-4",
        className,
      ]
        .filter(Boolean)
        .join(" ")}
      {...props}
    />
  );
}
