/**
 * Menus of a firm's records (clients, staff) for forms and filters. A big
 * firm has thousands of clients, too many for one `<select>`: a menu lists
 * the first MENU_LIMIT by name, plus the chosen one wherever it falls, and
 * says when there are more; the find box beside it (GET /api/menus/…,
 * app/(staff)/_components/findable-select.tsx) asks for the closest matches
 * of what is typed.
 */

/** The most choices a menu lists at once. */
export const MENU_LIMIT = 100;

export interface Menu<T> {
  items: T[];
  /** More records match than the menu lists. */
  more: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a menu must list whatever its place: the chosen value(s), the ids among them. */
export type Included = string | null | undefined | readonly (string | null | undefined)[];

export function includedIds(include: Included): string[] {
  const ids = typeof include === "string" || include == null ? [include] : include;
  return [...new Set(ids.filter((id): id is string => !!id && UUID.test(id)))];
}

/**
 * A menu from up to MENU_LIMIT + 1 rows (the extra one says there are more)
 * and the chosen records not among them, fetched on their own and listed first.
 */
export async function menuOf<T extends { id: string }>(
  rows: T[],
  include: Included,
  fetchIncluded: (ids: string[]) => Promise<T[]>,
): Promise<Menu<T>> {
  const items = rows.slice(0, MENU_LIMIT);
  const missing = includedIds(include).filter((id) => !items.some((r) => r.id === id));
  const chosen = missing.length ? await fetchIncluded(missing) : [];
  return { items: [...chosen, ...items], more: rows.length > MENU_LIMIT };
}
