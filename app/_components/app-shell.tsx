import {
  BarChart3,
  Briefcase,
  Building2,
  CalendarClock,
  CalendarDays,
  LayoutDashboard,
  ListChecks,
  ListTodo,
  Settings,
  UserRound,
  Users,
  type LucideIcon,
} from "lucide-react";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";

import { cn } from "@/lib/utils";

import { MobileNav } from "./mobile-nav";
import { NavLink } from "./nav-link";
import { THEME_COOKIE, parseTheme } from "./theme";
import { UserMenu, type ShellUser } from "./user-menu";
import { LogoMark } from "./wordmark";

export type AppShellProps = {
  firmName: string;
  user: ShellUser;
  /** A server action that ends the session; submitted from the user menu. */
  signOut: () => Promise<void>;
  children: ReactNode;
};

type NavItem = { href: string; label: string; icon: LucideIcon };

const STAFF_NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "/candidates", label: "Candidates", icon: Users },
  { href: "/jobs", label: "Jobs", icon: Briefcase },
  { href: "/clients", label: "Clients", icon: Building2 },
  { href: "/interviews", label: "Interviews", icon: CalendarClock },
  { href: "/tasks", label: "Tasks", icon: ListChecks },
  { href: "/reports", label: "Reports", icon: BarChart3 },
];
const ADMIN_NAV: NavItem[] = [{ href: "/settings", label: "Settings", icon: Settings }];

const CANDIDATE_NAV: NavItem[] = [
  { href: "/my/interviews", label: "My interviews", icon: CalendarDays },
  { href: "/my/plan", label: "My plan", icon: ListTodo },
  { href: "/my/profile", label: "Profile", icon: UserRound },
];

function SkipLink() {
  return (
    <a
      href="#main"
      className="sr-only z-[100] rounded-md bg-accent text-sm font-medium text-accent-foreground shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-3 focus:py-2"
    >
      Skip to content
    </a>
  );
}

function FirmName({ firmName, home }: { firmName: string; home: string }) {
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

function StaffNavList({ items, settings }: { items: NavItem[]; settings: NavItem[] }) {
  return (
    <nav aria-label="Main" className="flex flex-col gap-4">
      <ul className="flex flex-col gap-0.5">
        {items.map(({ href, label, icon: Icon }) => (
          <li key={href}>
            <NavLink href={href}>
              <Icon aria-hidden="true" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
      {settings.length > 0 ? (
        <ul className="flex flex-col gap-0.5 border-t border-border pt-3">
          {settings.map(({ href, label, icon: Icon }) => (
            <li key={href}>
              <NavLink href={href}>
                <Icon aria-hidden="true" />
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

/**
 * The frame of every signed-in page. Staff (admin, recruiter): a left sidebar on desktop, a
 * top bar with a menu drawer on phones. Candidates: a phone-first single column with a bottom
 * tab bar (top tabs from md up). Renders the skip link, `<header>`, `<nav aria-label="Main">`
 * and `<main id="main">`; put the page's `<PageHeader>` (its h1) first in children.
 */
export async function AppShell({ firmName, user, signOut, children }: AppShellProps) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);

  if (user.role === "candidate") {
    return (
      <CandidateShell firmName={firmName} user={user} signOut={signOut} theme={theme}>
        {children}
      </CandidateShell>
    );
  }

  const settings = user.role === "admin" ? ADMIN_NAV : [];
  const firm = <FirmName firmName={firmName} home="/dashboard" />;

  return (
    <div className="min-h-dvh bg-background md:grid md:grid-cols-[15rem_minmax(0,1fr)]">
      <SkipLink />
      <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b border-border bg-subtle/95 px-3 backdrop-blur md:h-dvh md:flex-col md:items-stretch md:gap-5 md:border-r md:border-b-0 md:bg-subtle md:px-3 md:py-3 md:backdrop-blur-none">
        <MobileNav title={firm}>
          <StaffNavList items={STAFF_NAV} settings={settings} />
        </MobileNav>
        <div className="min-w-0 flex-1 md:flex-none md:px-1 md:pt-1">{firm}</div>
        <div className="hidden min-h-0 flex-1 overflow-y-auto md:block">
          <StaffNavList items={STAFF_NAV} settings={settings} />
        </div>
        <UserMenu
          user={user}
          signOut={signOut}
          theme={theme}
          display="responsive"
          side="bottom"
          align="end"
          className="md:-mx-0.5"
        />
      </header>
      <main id="main" tabIndex={-1} className="min-w-0 text-sm outline-none">
        <div className="mx-auto w-full max-w-[96rem] px-4 py-5 sm:px-6 md:px-8 md:py-7">{children}</div>
      </main>
    </div>
  );
}

function CandidateShell({
  firmName,
  user,
  signOut,
  theme,
  children,
}: Omit<AppShellProps, "children"> & { theme: ReturnType<typeof parseTheme>; children: ReactNode }) {
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
            <ul className="flex items-center gap-5">
              {CANDIDATE_NAV.map(({ href, label, icon: Icon }) => (
                <li key={href}>
                  <NavLink href={href} variant="top">
                    <Icon aria-hidden="true" />
                    {label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <UserMenu user={user} signOut={signOut} theme={theme} display="compact" className="rounded-full" />
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
        <ul className={cn("mx-auto grid max-w-md", "grid-cols-3")}>
          {CANDIDATE_NAV.map(({ href, label, icon: Icon }) => (
            <li key={href}>
              <NavLink href={href} variant="tab">
                <Icon aria-hidden="true" />
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
