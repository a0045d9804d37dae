import { z } from "zod";

/** Where a page of a keyset list starts: just after (or before) this row's sort key and id. */
export interface Cursor {
  /** The row's sort key as the database wrote it (text), so the round trip is exact. */
  v: string;
  id: string;
  /** "n": the page after this row; "p": the page before it. */
  d: "n" | "p";
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

const cursorShape = z.object({ v: z.string().max(500), id: z.uuid(), d: z.enum(["n", "p"]) });

export function encodeCursor(cursor: Cursor): string {
  return toBase64Url(JSON.stringify([cursor.v, cursor.id, cursor.d]));
}

/** A cursor from the URL, or null when it is missing or not one of ours. */
export function decodeCursor(raw: unknown): Cursor | null {
  if (typeof raw !== "string" || raw === "" || raw.length > 1000) return null;
  try {
    const [v, id, d] = JSON.parse(fromBase64Url(raw)) as unknown[];
    const parsed = cursorShape.safeParse({ v, id, d });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
