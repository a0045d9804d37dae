import type { ComponentProps, ReactNode } from "react";

import { cn } from "@/lib/core/utils";

export type EmptyStateProps = Omit<ComponentProps<"div">, "title"> & {
  /** A lucide icon element, e.g. `<Inbox />`. */
  icon?: ReactNode;
  title: ReactNode;
  /** One or two sentences on why it is empty and what to do. */
  description?: ReactNode;
  /** A button or link, e.g. `<Button asChild><Link href="/candidates/new">Add a candidate</Link></Button>`. */
  action?: ReactNode;
  /** Heading level of the title (default h2). */
  headingLevel?: 2 | 3 | 4;
  /** Draw a dashed border around it (default true). */
  bordered?: boolean;
};

export function EmptyState({
  icon,
  title,
  description,
  action,
  headingLevel = 2,
  bordered = true,
  className,
  children,
  ...props
}: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-1 rounded-lg px-6 py-10 text-center",
        bordered && "border border-dashed border-border-strong",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className="mb-2 flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground [&_svg]:size-5"
        >
          {icon}
        </div>
      ) : null}
      <Heading className="text-[0.9375rem] font-semibold">{title}</Heading>
      {description ? <p className="max-w-sm text-sm text-muted-foreground">{description}</p> : null}
      {children}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
