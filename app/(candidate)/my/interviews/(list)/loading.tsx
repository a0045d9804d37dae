import { LoadingRegion, Skeleton, SkeletonHeading } from "@/app/_components/ui/skeleton";

export default function Loading() {
  return (
    <LoadingRegion label="Loading your interviews…" className="flex flex-col gap-8">
      <SkeletonHeading title="w-48" description="w-2/3" />
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
    </LoadingRegion>
  );
}
