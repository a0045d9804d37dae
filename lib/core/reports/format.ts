/** How the reports page writes its numbers (client and server components share these). */

const integer = new Intl.NumberFormat("en-US");

export function formatCount(n: number): string {
  return integer.format(n);
}

export function formatPercent(rate: number | null): string {
  if (rate === null) return "—";
  return `${Math.round(rate * 100)}%`;
}

/** Hours as "5.5 h" under two days, else "3.2 days". */
export function formatHours(hours: number | null): string {
  if (hours === null) return "—";
  if (Math.abs(hours) < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** A signed day difference: "2 days early", "on the day", "1 day late". */
export function formatDaysVsPromise(days: number | null): string {
  if (days === null) return "—";
  if (days === 0) return "on the day";
  const n = Math.abs(days);
  const unit = n === 1 ? "day" : "days";
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return days < 0 ? `${shown} ${unit} early` : `${shown} ${unit} late`;
}

/** "2026-03-02" → "Mar 2" (the week labels of the interviews chart). */
export function formatWeek(key: string): string {
  const [y, m, d] = key.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * How fresh the rollups are, on the firm's calendar: "as of 09:12" today,
 * "as of Mar 2, 09:12" on another day.
 */
export function formatAsOf(at: Date, now: Date, timeZone: string): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  if (day.format(at) === day.format(now)) return `as of ${time}`;
  const date = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(at);
  return `as of ${date}, ${time}`;
}

/** Beyond this many seconds behind, the reports page says the read database lags (DATABASE_READ_URL). */
export const READ_LAG_NOTICE_SECONDS = 5;

/** The reports page's line when its figures come from a replica that is behind; null when not worth saying. */
export function readLagNotice(seconds: number): string | null {
  if (!(seconds > READ_LAG_NOTICE_SECONDS)) return null;
  const whole = Math.ceil(seconds);
  if (whole < 120) return `Figures may be up to ${whole} seconds behind.`;
  const minutes = Math.ceil(whole / 60);
  return `Figures may be up to ${formatCount(minutes)} minutes behind.`;
}

/**
 * The `n` largest items by `size` (ties keep their order), for a chart that
 * cannot show a big firm's hundreds of recruiters or clients; all of them
 * when there are no more than `n`, in their own order.
 */
export function busiest<T>(items: readonly T[], size: (item: T) => number, n: number): { shown: T[]; total: number } {
  if (items.length <= n) return { shown: [...items], total: items.length };
  return { shown: [...items].sort((a, b) => size(b) - size(a)).slice(0, n), total: items.length };
}
