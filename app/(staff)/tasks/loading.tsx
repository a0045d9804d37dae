import { Skeleton } from "@/app/_components/ui/skeleton";

export default function TasksLoading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <span className="sr-only" role="status">
        Loading tasks…
      </span>
      <div className="flex items-start justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-7 w-28" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="h-9 w-48" />
      </div>
      <Skeleton className="h-10 w-72" />
      <div className="space-y-px overflow-hidden rounded-lg border border-border">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-16 rounded-none" />
        ))}
      </div>
    </div>
  );
}
