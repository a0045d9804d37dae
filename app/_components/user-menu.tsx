"use client";

import { ArrowLeftRight, ChevronsUpDown, LogOut, Monitor, Moon, Sun, UserCog } from "lucide-react";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";

import { cn } from "@/lib/core/utils";

import { AccountSummary, AvatarInitials, NameAndEmail, initialsOf } from "./account-summary";
import type { ThemePreference } from "./theme";
import { setThemeAction } from "./theme-actions";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./ui/dropdown-menu";

export type ShellUser = {
  name: string;
  email: string;
  role: "admin" | "recruiter" | "candidate";
  /** Signed in to one of several firms: the menu offers switching. */
  canSwitchFirm?: boolean;
};

const ROLE_LABEL: Record<ShellUser["role"], string> = {
  admin: "Admin",
  recruiter: "Recruiter",
  candidate: "Candidate",
};

function applyTheme(theme: ThemePreference) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
}

export type UserMenuProps = {
  user: ShellUser;
  signOut: () => Promise<void>;
  theme: ThemePreference;
  /** "full": avatar, name and email (sidebar) · "compact": avatar only (top bars). */
  display?: "full" | "compact" | "responsive";
  align?: "start" | "end";
  side?: "top" | "bottom";
  className?: string;
};

/** The signed-in user's menu: who they are, theme, and Sign out. */
export function UserMenu({
  user,
  signOut,
  theme: initialTheme,
  display = "full",
  align = "end",
  side = "bottom",
  className,
}: UserMenuProps) {
  const [theme, setTheme] = useState<ThemePreference>(initialTheme);
  const [, startTransition] = useTransition();
  const signOutForm = useRef<HTMLFormElement>(null);

  function chooseTheme(value: string) {
    const next = value === "light" || value === "dark" ? value : "system";
    setTheme(next);
    applyTheme(next);
    startTransition(() => setThemeAction(next));
  }

  const initials = initialsOf(user.name);

  return (
    <>
      {/* Outside the menu's portal so it is still mounted when the menu closes on select. */}
      <form ref={signOutForm} action={signOut} hidden />
      <DropdownMenu>
        <DropdownMenuTrigger
          className={cn(
            "flex min-w-0 items-center gap-2.5 rounded-md text-left transition-colors hover:bg-hover data-[state=open]:bg-hover",
            display === "compact" && "size-(--control-h) justify-center",
            display === "full" && "w-full p-1.5",
            display === "responsive" && "size-(--control-h) justify-center md:size-auto md:w-full md:justify-start md:p-1.5",
            className,
          )}
        >
          <AvatarInitials initials={initials} size="size-7" />
          <NameAndEmail
            name={user.name}
            email={user.email}
            className={cn(
              "min-w-0 flex-1",
              display === "compact" && "sr-only",
              display === "responsive" && "sr-only md:not-sr-only",
            )}
          />
          {display === "compact" ? null : (
            <ChevronsUpDown
              aria-hidden="true"
              className={cn("size-4 shrink-0 text-muted-foreground", display === "responsive" && "hidden md:block")}
            />
          )}
        </DropdownMenuTrigger>
        <DropdownMenuContent align={align} side={side} className="w-64">
          <AccountSummary name={user.name} email={user.email} initials={initials} roleLabel={ROLE_LABEL[user.role]} />
          <DropdownMenuSeparator />
          <DropdownMenuGroup>
            <DropdownMenuLabel>Theme</DropdownMenuLabel>
            <DropdownMenuRadioGroup value={theme} onValueChange={chooseTheme}>
              <DropdownMenuRadioItem value="system">
                <Monitor aria-hidden="true" /> System
              </DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="light">
                <Sun aria-hidden="true" /> Light
              </DropdownMenuRadioItem>
              <DropdownMenuRadioItem value="dark">
                <Moon aria-hidden="true" /> Dark
              </DropdownMenuRadioItem>
            </DropdownMenuRadioGroup>
          </DropdownMenuGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href={user.role === "candidate" ? "/my/profile" : "/account"}>
              <UserCog aria-hidden="true" /> Account and sessions
            </Link>
          </DropdownMenuItem>
          {user.canSwitchFirm ? (
            <DropdownMenuItem asChild>
              <Link href="/choose-firm">
                <ArrowLeftRight aria-hidden="true" /> Switch firm
              </Link>
            </DropdownMenuItem>
          ) : null}
          <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
            <LogOut aria-hidden="true" /> Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
