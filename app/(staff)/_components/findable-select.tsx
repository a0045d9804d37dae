"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type ComponentProps, type KeyboardEvent, type ReactNode } from "react";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { MENU_LIMIT } from "@/db/queries/menus";

/**
 * A menu of a firm's clients or staff that may not list them all
 * (db/queries/menus.ts lists the first 100): a native `<select>`, so the
 * form works and reads as before, and, when the firm has more than it lists,
 * a find box under it that asks GET /api/menus/{kind} for the closest
 * matches of what is typed and lists those in the menu instead. Enter picks
 * the closest one. The chosen value stays listed whatever is found.
 */

export type MenuKind = "clients" | "staff";

export interface MenuFind {
  kind: MenuKind;
  /** The firm has more than the menu lists: show the find box. */
  more: boolean;
  /** Archived clients, or people who have left, too (the reports' filters). */
  all?: boolean;
}

export type MenuOption = { value: string; label: ReactNode };

const NOUN: Record<MenuKind, [string, string]> = { clients: ["client", "clients"], staff: ["person", "people"] };
const WAIT_MS = 250;
const noChange = () => () => {};

export function FindableSelect({
  find,
  lead = [],
  options,
  defaultValue,
  onChange,
  ...select
}: Omit<ComponentProps<"select">, "children" | "defaultValue"> & {
  find?: MenuFind;
  /** Options that always come first ("All clients", "Mine", "Nobody yet"). */
  lead?: MenuOption[];
  options: MenuOption[];
  defaultValue?: string;
}) {
  const ref = useRef<HTMLSelectElement>(null);
  const statusId = useId();
  // The chosen option stays listed (with its name) whatever a search lists.
  const [chosen, setChosen] = useState<MenuOption | null>(() => [...lead, ...options].find((o) => o.value === (defaultValue ?? "")) ?? null);
  const [term, setTerm] = useState("");
  const [found, setFound] = useState<MenuOption[] | null>(null);
  const [message, setMessage] = useState("");
  // The find box needs JavaScript: the server's HTML says what the menu lists instead.
  const ready = useSyncExternalStore(noChange, () => true, () => false);

  // Primitives, not the `find` object: a parent's re-render (a pending navigation, say) must not search again.
  const kind = find?.kind;
  const all = !!find?.all;
  const searching = !!find?.more && term.trim() !== "";
  useEffect(() => {
    if (!kind || !searching) return;
    const q = term.trim();
    const [one, many] = NOUN[kind];
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const params = new URLSearchParams({ q, ...(all ? { all: "1" } : {}) });
        const res = await fetch(`/api/menus/${kind}?${params}`, { signal: abort.signal, headers: { accept: "application/json" } });
        const body = (await res.json()) as { options?: MenuOption[]; more?: boolean; error?: string };
        if (!res.ok || !body.options) {
          setMessage(body.error ?? `Could not search the ${many} just now. Try again.`);
          return;
        }
        setFound(body.options);
        const n = body.options.length;
        setMessage(
          n === 0
            ? `No ${one} matches “${q}”.`
            : `${body.more ? `The closest ${n}` : n} ${n === 1 ? one : many} matching “${q}” listed in the menu; Enter picks the first.`,
        );
      } catch {
        if (!abort.signal.aborted) setMessage(`Could not search the ${many} just now. Try again.`);
      }
    }, WAIT_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [kind, all, searching, term]);

  const listed = searching && found ? found : options;
  const kept = chosen && chosen.value !== "" && ![...lead, ...listed].some((o) => o.value === chosen.value) ? [chosen] : [];
  const shown = [...lead, ...kept, ...listed];

  function pickFirst(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    // Enter would submit the form around the box: it picks the closest match instead.
    event.preventDefault();
    const first = searching && found?.[0];
    const el = ref.current;
    if (!first || !el) return;
    el.value = first.value;
    setChosen(first);
    el.dispatchEvent(new Event("change", { bubbles: true }));
    el.focus();
  }

  const control = (
    <Select
      ref={ref}
      defaultValue={defaultValue}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setChosen(shown.find((o) => o.value === value) ?? null);
        onChange?.(e);
      }}
      {...select}
    >
      {shown.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
  if (!find?.more) return control;
  const [one, many] = NOUN[find.kind];
  return (
    <div className="flex min-w-0 flex-col gap-1">
      {control}
      {ready ? (
        <>
          <Input
            type="search"
            value={term}
            onChange={(e) => {
              setTerm(e.currentTarget.value);
              if (e.currentTarget.value.trim() === "") setMessage("");
            }}
            onKeyDown={pickFirst}
            maxLength={100}
            placeholder={`Find a ${one}…`}
            aria-label={`Find a ${one}`}
            aria-describedby={statusId}
            className="h-8 text-sm"
          />
          <p id={statusId} role="status" className="text-xs text-muted-foreground empty:hidden">
            {message}
          </p>
        </>
      ) : (
        <p className="text-xs text-muted-foreground">
          The menu lists the first {MENU_LIMIT} {many} by name.
        </p>
      )}
    </div>
  );
}
