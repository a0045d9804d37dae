import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";

import { AccountMenuPanel, ThemeChoice } from "./account-menu";
import { AccountSummary, AvatarInitials, NameAndEmail, initialsOf } from "./account-summary";
import { InlineSvg } from "./inline-svg";
import { FirmName, NavItems, SkipLink, type NavItem } from "./shell-parts";
import { THEME_COOKIE, parseTheme, type ThemePreference } from "./theme";

/**
 * The candidate's frame, kept apart from the staff shell (app-shell.tsx) so a candidate's
 * phone downloads none of the staff navigation: server-rendered, with two small client
 * islands (the current-page links and the theme choice).
 */

export type CandidateShellUser = { name: string; email: string; canSwitchFirm?: boolean };

/** Lucide's drawings, inline (see InlineSvg). */
const Icon = InlineSvg;
const CalendarDays = () => (
  <Icon>
    <path d="M8 2v3M16 2v3M3 9h18M8 13h.01M12 13h.01M16 13h.01M8 17h.01M12 17h.01M16 17h.01" />
    <rect x="3" y="3" width="18" height="18" rx="2" />
  </Icon>
);
const ListTodo = () => (
  <Icon>
    <path d="M13 5h8M13 12h8M13 19h8m-18-2 2 2 4-4" />
    <rect x="3" y="4" width="6" height="6" rx="1" />
  </Icon>
);
const UserRound = () => (
  <Icon>
    <circle cx="12" cy="8" r="5" />
    <path d="M20 21a8 8 0 0 0-16 0" />
  </Icon>
);
const LogOut = () => (
  <Icon>
    <path d="m16 17 5-5-5-5M21 12H9M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" />
  </Icon>
);
const ArrowLeftRight = () => (
  <Icon>
    <path d="M8 3 4 7l4 4" />
    <path d="M4 7h16" />
    <path d="m16 21 4-4-4-4" />
    <path d="M20 17H4" />
  </Icon>
);
const UserCog = () => (
  <Icon>
    <path d="M10 15H6a4 4 0 0 0-4 4v2M14.305 16.53l.923-.382M15.228 13.852l-.923-.383M16.852 12.228l-.383-.923M16.852 17.772l-.383.924M19.148 12.228l.383-.923M19.53 18.696l-.382-.924M20.772 13.852l.924-.383M20.772 16.148l.924.383" />
    <circle cx="18" cy="15" r="3" />
    <circle cx="9" cy="7" r="4" />
  </Icon>
);

export const CANDIDATE_NAV: NavItem[] = [
  { href: "/my/interviews", label: "My interviews", icon: CalendarDays },
  { href: "/my/plan", label: "My plan", icon: ListTodo },
  { href: "/my/profile", label: "Profile", icon: UserRound },
];

const ITEM =
  "relative flex min-h-8 w-full cursor-default select-none items-center gap-2 rounded-md px-2 py-1.5 text-left outline-none hover:bg-hover focus-visible:bg-hover has-focus-visible:bg-hover [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground pointer-coarse:min-h-11";

/**
 * Who is signed in, the theme, the account page and Sign out: a native popover under the
 * avatar button (Escape and clicking outside close it; focus returns to the button).
 */
function CandidateUserMenu({ user, signOut, theme }: { user: CandidateShellUser; signOut: () => Promise<void>; theme: ThemePreference }) {
  const initials = initialsOf(user.name);
  const id = "account-menu";
  return (
    <>
      <button
        type="button"
        popoverTarget={id}
        aria-controls={id}
        aria-expanded={false}
        className="flex size-(--control-h) min-w-0 items-center justify-center gap-2.5 rounded-full text-left transition-colors hover:bg-hover"
      >
        <AvatarInitials initials={initials} size="size-7" />
        <NameAndEmail name={user.name} email={user.email} className="sr-only" />
      </button>
      <AccountMenuPanel
        id={id}
        className="inset-auto top-[calc(3.125rem+6px)] right-[max(1rem,calc(50%-23rem))] m-0 w-64 overflow-hidden rounded-lg border border-border bg-popover p-1 text-sm text-popover-foreground shadow-lg outline-none motion-safe:open:animate-pop-in"
      >
        <AccountSummary name={user.name} email={user.email} initials={initials} roleLabel="Candidate" />
        <div role="separator" className="-mx-1 my-1 h-px bg-border" />
        <ThemeChoice theme={theme} itemClassName={`${ITEM} pl-8`} />
        <div role="separator" className="-mx-1 my-1 h-px bg-border" />
        <Link href="/my/profile" className={ITEM}>
          <UserCog /> Account and sessions
        </Link>
        {user.canSwitchFirm ? (
          <Link href="/choose-firm" className={ITEM}>
            <ArrowLeftRight /> Switch firm
          </Link>
        ) : null}
        <form action={signOut}>
          <button type="submit" className={ITEM}>
            <LogOut /> Sign out
          </button>
        </form>
      </AccountMenuPanel>
    </>
  );
}

/**
 * A phone-first single column with a bottom tab bar (top tabs from md up). Renders the skip
 * link, `<header>`, `<nav aria-label="Main">` and `<main id="main">`; put the page's
 * `<PageHeader>` (its h1) first in children.
 */
export async function CandidateShell({
  firmName,
  user,
  signOut,
  children,
}: {
  firmName: string;
  user: CandidateShellUser;
  /** A server action that ends the session; submitted from the account menu. */
  signOut: () => Promise<void>;
  children: ReactNode;
}) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const home = CANDIDATE_NAV[0]?.href ?? "/my/interviews";
  return (
    // Larger controls everywhere on the candidate side: fingers, not mice.
    <div className="flex min-h-dvh flex-col bg-background text-base [--control-h:2.75rem]">
      <SkipLink />
      <header className="sticky top-0 z-40 border-b border-border bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 w-full max-w-3xl items-center gap-4 px-4">
          <div className="min-w-0 flex-1 md:flex-none">
            <FirmName firmName={firmName} home={home} />
          </div>
          <nav aria-label="Main" className="hidden flex-1 md:block">
            <NavItems items={CANDIDATE_NAV} className="flex items-center gap-5" variant="top" />
          </nav>
          <CandidateUserMenu user={user} signOut={signOut} theme={theme} />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-3xl flex-1 px-4 pt-5 pb-[calc(5.5rem+env(safe-area-inset-bottom))] outline-none md:pt-8 md:pb-12"
      >
        {children}
      </main>
      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 z-40 border-t border-border bg-background/95 pb-[env(safe-area-inset-bottom)] backdrop-blur md:hidden"
      >
        <NavItems items={CANDIDATE_NAV} className="mx-auto grid max-w-md grid-cols-3" variant="tab" />
      </nav>
    </div>
  );
}
