import type { ComponentProps } from "react";

import { cn } from "@/lib/core/utils";

export type TableProps = ComponentProps<"table"> & {
  /**
   * Keep the header row visible while the table scrolls. The table then scrolls inside its own
   * box (default max height 70vh; change it with `containerClassName`, e.g. "max-h-96").
   */
  stickyHeader?: boolean;
  /** Classes for the scrolling wrapper (border, radius, height). */
  containerClassName?: string;
};

/**
 * A dense data table: `<Table><THead><Tr><Th>…</Th></Tr></THead><TBody><Tr><Td>…</Td></Tr></TBody></Table>`.
 * Give it a `<caption>` (visible or `className="sr-only"`) or an `aria-label`.
 */
export function Table({ className, containerClassName, stickyHeader, ...props }: TableProps) {
  return (
    <div
      data-sticky={stickyHeader ? "" : undefined}
      className={cn(
        "group/table relative w-full overflow-auto rounded-lg border border-border bg-card",
        stickyHeader && "max-h-[70vh]",
        containerClassName,
      )}
    >
      <table
        className={cn("w-full caption-bottom border-separate border-spacing-0 text-sm", className)}
        {...props}
      />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return (
    <thead
      className={cn("group-data-[sticky]/table:sticky group-data-[sticky]/table:top-0 group-data-[sticky]/table:z-10", className)}
      {...props}
    />
  );
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&>tr:last-child>*]:border-b-0", className)} {...props} />;
}

export function TFoot({ className, ...props }: ComponentProps<"tfoot">) {
  return <tfoot className={cn("bg-subtle font-medium [&>tr>*]:border-t [&>tr>*]:border-b-0", className)} {...props} />;
}

export type TrProps = ComponentProps<"tr"> & {
  /** Highlight the row on hover (for rows that link somewhere). */
  interactive?: boolean;
};

export function Tr({ className, interactive, ...props }: TrProps) {
  return (
    <tr
      className={cn(
        "[&>*]:border-b [&>*]:border-border",
        interactive && "hover:bg-hover/60 has-[a:focus-visible]:bg-hover/60",
        "aria-selected:bg-accent-subtle",
        className,
      )}
      {...props}
    />
  );
}

export type ThProps = ComponentProps<"th"> & { align?: "left" | "right" | "center" };

export function Th({ className, scope = "col", align = "left", ...props }: ThProps) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-9 bg-subtle px-3 text-xs font-medium whitespace-nowrap text-muted-foreground first:pl-4 last:pr-4",
        align === "right" ? "text-right" : align === "center" ? "text-center" : "text-left",
        className,
      )}
      {...props}
    />
  );
}

export type TdProps = ComponentProps<"td"> & {
  align?: "left" | "right" | "center";
  /** Tabular digits (dates, counts, durations). */
  numeric?: boolean;
};

export function Td({ className, align = "left", numeric, ...props }: TdProps) {
  return (
    <td
      className={cn(
        "h-10 px-3 py-1.5 align-middle first:pl-4 last:pr-4",
        align === "right" ? "text-right" : align === "center" ? "text-center" : "text-left",
        numeric && "tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("px-4 py-2 text-left text-xs text-muted-foreground", className)} {...props} />;
}
