import { LoadingRegion, Skeleton, SkeletonHeading, SkeletonRows } from "@/app/_components/ui/skeleton";

export default function TasksLoading() {
  return (
    <LoadingRegion label="Loading tasks…" className="flex flex-col gap-5">
      <div className="flex items-start justify-between gap-4">
        <SkeletonHeading title="w-28" description="w-96 max-w-full" />
        <Skeleton className="h-9 w-48" />
      </div>
      <Skeleton className="h-10 w-72" />
      <SkeletonRows count={8} height="h-16" />
    </LoadingRegion>
  );
}
