"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * Builds links that change some of the list's URL parameters and keep the
 * rest. Any change other than the cursor starts again from the first page.
 */
export function useListHref() {
  const pathname = usePathname() ?? "/";
  const searchParams = useSearchParams();
  return useCallback(
    (changes: Record<string, string | null | undefined>) => {
      const params = new URLSearchParams(searchParams?.toString() ?? "");
      if (!("cursor" in changes)) params.delete("cursor");
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === "") params.delete(key);
        else params.set(key, value);
      }
      const query = params.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname, searchParams],
  );
}
