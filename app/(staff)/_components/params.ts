import { notFound } from "next/navigation";
import { z } from "zod";
import { encodeCursor, type Cursor } from "@/lib/core/validation/cursor";

/** A record id from the URL; anything that is not a UUID is simply not found. */
export async function recordIdParam(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  return id;
}

/** The page's neighbours as URL cursors. */
export function cursorsOf(page: { next: Cursor | null; prev: Cursor | null }) {
  return { next: page.next ? encodeCursor(page.next) : null, prev: page.prev ? encodeCursor(page.prev) : null };
}

/** The Suspense key of a list: a new key shows the loading state while the new rows come. */
export function listKey(params: Record<string, unknown>): string {
  return JSON.stringify(params);
}
