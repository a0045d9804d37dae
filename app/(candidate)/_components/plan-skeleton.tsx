import { LoadingRegion, Skeleton, SkeletonEntry, SkeletonHeading } from "@/app/_components/ui/skeleton";

export function PlanSkeleton({ label }: { label: string }) {
  return (
    <LoadingRegion label={label} className="flex flex-col gap-6">
      <SkeletonHeading description="w-3/4" />
      {[0, 1].map((i) => (
        <div key={i} className="space-y-4 rounded-lg border border-border p-4">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-1/3" />
          {[0, 1, 2].map((j) => (
            <SkeletonEntry key={j} marker="size-8" lines={["h-4 w-1/2", "h-4 w-full"]} />
          ))}
        </div>
      ))}
    </LoadingRegion>
  );
}
