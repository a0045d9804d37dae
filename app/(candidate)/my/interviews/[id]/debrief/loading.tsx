import { Skeleton } from "@/app/_components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" className="flex flex-col gap-6">
      <span className="sr-only" role="status">
        Loading your debrief…
      </span>
      <div className="space-y-2">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-7 w-3/4" />
        <Skeleton className="h-4 w-1/2" />
      </div>
      {[0, 1, 2].map((i) => (
        <div key={i} className="space-y-3">
          <Skeleton className="h-5 w-40" />
          <div className="grid grid-cols-5 gap-2">
            {[0, 1, 2, 3, 4].map((j) => (
              <Skeleton key={j} className="h-12" />
            ))}
          </div>
          <Skeleton className="h-24 w-full" />
        </div>
      ))}
    </div>
  );
}
