import { LoadingRegion, Skeleton } from "@/app/_components/ui/skeleton";

/** The list's place while its rows load. */
export function TableSkeleton({ rows = 8, columns = 5, label = "Loading…" }: { rows?: number; columns?: number; label?: string }) {
  return (
    <LoadingRegion label={label} className="overflow-hidden rounded-lg border border-border bg-card">
      <div className="flex h-9 items-center gap-6 border-b border-border bg-subtle px-4">
        {Array.from({ length: columns }, (_, i) => (
          <Skeleton key={i} className="h-3 w-20" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div key={r} className="flex h-10 items-center gap-6 border-b border-border px-4 last:border-b-0">
          {Array.from({ length: columns }, (_, i) => (
            <Skeleton key={i} className={i === 0 ? "h-3.5 w-40" : "h-3 w-24"} />
          ))}
        </div>
      ))}
    </LoadingRegion>
  );
}
