import {
  BarChart3,
  Briefcase,
  Building2,
  CalendarClock,
  LayoutDashboard,
  ListChecks,
  Settings,
  Users,
} from "lucide-react";
import { cookies } from "next/headers";
import type { ReactNode } from "react";

import { CandidateShell } from "./candidate-shell";
import { MobileNav } from "./mobile-nav";
import { FirmName, NavItems, SkipLink, type NavItem } from "./shell-parts";
import { THEME_COOKIE, parseTheme } from "./theme";
import { UserMenu, type ShellUser } from "./user-menu";

export type AppShellProps = {
  firmName: string;
  user: ShellUser;
  /** A server action that ends the session; submitted from the user menu. */
  signOut: () => Promise<void>;
  children: ReactNode;
};

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

function StaffNavList({ items, settings }: { items: NavItem[]; settings: NavItem[] }) {
  return (
    <nav aria-label="Main" className="flex flex-col gap-4">
      <NavItems items={items} className="flex flex-col gap-0.5" />
      {settings.length > 0 ? <NavItems items={settings} className="flex flex-col gap-0.5 border-t border-border pt-3" /> : null}
    </nav>
  );
}

/**
 * The frame of every signed-in page. Staff (admin, recruiter): a left sidebar on desktop, a
 * top bar with a menu drawer on phones. Candidates: `CandidateShell` (candidate-shell.tsx), a
 * phone-first single column with a bottom tab bar (top tabs from md up); the candidate layout
 * uses it directly, so candidates' pages load none of the staff shell's scripts. Renders the skip link, `<header>`, `<nav aria-label="Main">`
 * and `<main id="main">`; put the page's `<PageHeader>` (its h1) first in children.
 */
export async function AppShell({ firmName, user, signOut, children }: AppShellProps) {
  if (user.role === "candidate") {
    return (
      <CandidateShell firmName={firmName} user={user} signOut={signOut}>
        {children}
      </CandidateShell>
    );
  }

  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);

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
