"use client";

import { ArrowLeftRight, ChevronsUpDown, LogOut, Monitor, Moon, Sun, UserCog } from "lucide-react";
import Link from "next/link";
import { useRef, useState, useTransition } from "react";

import { cn } from "@/lib/core/utils";

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

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

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
          <span
            aria-hidden="true"
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-subtle text-xs font-semibold text-accent-subtle-foreground ring-1 ring-accent-border"
          >
            {initials}
          </span>
          <span
            className={cn(
              "min-w-0 flex-1",
              display === "compact" && "sr-only",
              display === "responsive" && "sr-only md:not-sr-only",
            )}
          >
            <span className="block truncate text-sm font-medium leading-5">{user.name}</span>
            <span className="block truncate text-xs leading-4 text-muted-foreground">{user.email}</span>
          </span>
          {display === "compact" ? null : (
            <ChevronsUpDown
              aria-hidden="true"
              className={cn("size-4 shrink-0 text-muted-foreground", display === "responsive" && "hidden md:block")}
            />
          )}
        </DropdownMenuTrigger>
        <DropdownMenuContent align={align} side={side} className="w-64">
          <div className="flex items-center gap-2.5 px-2 py-2">
            <span
              aria-hidden="true"
              className="flex size-8 shrink-0 items-center justify-center rounded-full bg-accent-subtle text-xs font-semibold text-accent-subtle-foreground ring-1 ring-accent-border"
            >
              {initials}
            </span>
            <div className="min-w-0">
              <p className="truncate text-sm font-medium leading-5">{user.name}</p>
              <p className="truncate text-xs leading-4 text-muted-foreground">{user.email}</p>
            </div>
            <span className="ml-auto rounded-md bg-muted px-1.5 py-px text-xs font-medium text-muted-foreground">
              {ROLE_LABEL[user.role]}
            </span>
          </div>
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
