"use server";

import { cookies } from "next/headers";

import { THEME_COOKIE, parseTheme } from "./theme";

/**
 * Remembers the theme choice in a cookie the root layout reads, so the server renders
 * `<html class="dark|light">` without an inline script. Harmless without a session: it only
 * sets the caller's own display preference.
 */
export async function setThemeAction(value: string): Promise<void> {
  const theme = parseTheme(value);
  const jar = await cookies();
  if (theme === "system") {
    jar.delete(THEME_COOKIE);
    return;
  }
  jar.set(THEME_COOKIE, theme, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
}
