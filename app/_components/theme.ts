/** The theme preference cookie: "light" | "dark"; absent = follow the operating system. */
export const THEME_COOKIE = "theme";

export type ThemePreference = "system" | "light" | "dark";

export function parseTheme(value: string | undefined | null): ThemePreference {
  return value === "light" || value === "dark" ? value : "system";
}
