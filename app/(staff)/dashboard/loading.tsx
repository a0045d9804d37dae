import { LoadingRegion, Skeleton, SkeletonBlocks, SkeletonHeading, SkeletonRows } from "@/app/_components/ui/skeleton";

export default function DashboardLoading() {
  return (
    <LoadingRegion label="Loading the dashboard…" className="flex flex-col gap-5">
      <SkeletonHeading />
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4 lg:grid-cols-7">
        <SkeletonBlocks count={7} className="h-[4.25rem] rounded-lg" />
      </div>
      <div className="grid items-start gap-5 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <SkeletonRows count={8} height="h-14" />
        <div className="space-y-5">
          <Skeleton className="h-48 rounded-lg" />
          <Skeleton className="h-40 rounded-lg" />
        </div>
      </div>
    </LoadingRegion>
  );
}
