import type { ReactNode } from "react";
import { cn } from "@/lib/core/utils";

/** A link's page when there is no form to show: a heading, a sentence, and the firm's name when the link was real. */
export function PlainNotice({ title, firmName, tone, children }: { title: string; firmName?: string; tone?: "success"; children: ReactNode }) {
  return (
    <section className="mx-auto flex max-w-md flex-col gap-3 rounded-xl border border-border bg-card p-6 text-card-foreground shadow-sm sm:p-8">
      {firmName ? <p className="text-sm font-semibold text-muted-foreground">{firmName}</p> : null}
      <h1 className={cn("text-xl font-semibold tracking-tight", tone === "success" && "text-done-foreground")}>{title}</h1>
      <p className="text-sm">{children}</p>
    </section>
  );
}
