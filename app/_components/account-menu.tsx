"use client";

import { useState, useTransition, type ReactNode } from "react";

import type { ThemePreference } from "./theme";
import { setThemeAction } from "./theme-actions";

/**
 * The small interactive parts of the candidate's account menu (candidate-shell.tsx). The menu
 * itself is a native popover opened by its button, so Escape, clicking outside and focus return
 * need no script; this only keeps the button's aria-expanded right, closes the menu when a link
 * inside is followed, and switches the theme.
 */
export function AccountMenuPanel({ id, className, children }: { id: string; className?: string; children: ReactNode }) {
  return (
    <div
      id={id}
      popover="auto"
      className={className}
      onClick={(event) => {
        if ((event.target as Element).closest("a[href]")) event.currentTarget.hidePopover();
      }}
      // Screen readers hear the button's state from aria-expanded, which the popover does not set.
      onToggle={(event) => {
        const open = (event.nativeEvent as ToggleEvent).newState === "open";
        document.querySelector(`[popovertarget="${id}"]`)?.setAttribute("aria-expanded", String(open));
      }}
    >
      {children}
    </div>
  );
}

const THEMES: { value: ThemePreference; label: string; icon: ReactNode }[] = [
  {
    value: "system",
    label: "System",
    icon: (
      <path d="M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zM8 21h8M12 17v4" />
    ),
  },
  {
    value: "light",
    label: "Light",
    icon: (
      <>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2m-7.07-17.07 1.41 1.41m11.32 11.32 1.41 1.41M2 12h2m16 0h2M6.34 17.66l-1.41 1.41M19.07 4.93l-1.41 1.41" />
      </>
    ),
  },
  {
    value: "dark",
    label: "Dark",
    icon: (
      <path d="M20.985 12.486a9 9 0 1 1-9.473-9.472c.405-.022.617.46.402.803a6 6 0 0 0 8.268 8.268c.344-.215.825-.004.803.401" />
    ),
  },
];

function applyTheme(theme: ThemePreference) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
}

/** The theme choice: three radios, applied at once and remembered in a cookie. */
export function ThemeChoice({ theme: initialTheme, itemClassName }: { theme: ThemePreference; itemClassName: string }) {
  const [theme, setTheme] = useState<ThemePreference>(initialTheme);
  const [, startTransition] = useTransition();

  function choose(next: ThemePreference) {
    setTheme(next);
    applyTheme(next);
    startTransition(() => setThemeAction(next));
  }

  return (
    <fieldset>
      <legend className="px-2 py-1.5 text-xs font-medium text-muted-foreground">Theme</legend>
      {THEMES.map(({ value, label, icon }) => (
        <label key={value} className={itemClassName}>
          <input
            type="radio"
            name="theme"
            value={value}
            checked={theme === value}
            onChange={() => choose(value)}
            className="peer sr-only"
          />
          <span aria-hidden="true" className="absolute left-2 hidden size-4 items-center justify-center peer-checked:flex">
            <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="text-foreground!">
              <path d="M20 6 9 17l-5-5" />
            </svg>
          </span>
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            {icon}
          </svg>{" "}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
