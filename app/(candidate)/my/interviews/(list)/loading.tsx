import { Skeleton } from "@/app/_components/ui/skeleton";

export default function Loading() {
  return (
    <div aria-busy="true" className="flex flex-col gap-8">
      <span className="sr-only" role="status">
        Loading your interviews…
      </span>
      <div className="space-y-2">
        <Skeleton className="h-7 w-48" />
        <Skeleton className="h-4 w-2/3" />
      </div>
      {[3, 2, 3].map((rows, i) => (
        <div key={i} className="space-y-3">
          <Skeleton className="h-5 w-36" />
          <div className="divide-y divide-border rounded-lg border border-border">
            {Array.from({ length: rows }, (_, j) => (
              <div key={j} className="space-y-2 px-4 py-4">
                <Skeleton className="h-4 w-3/5" />
                <Skeleton className="h-4 w-2/5" />
              </div>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
