import { PageHeader } from "@/app/_components/ui/page-header";
import { LoadingRegion, Skeleton, SkeletonBlocks } from "@/app/_components/ui/skeleton";

export default function ReportsLoading() {
  return (
    <LoadingRegion label="Loading the reports…" className="flex flex-col gap-6">
      <PageHeader title="Reports" description="Counting the pipeline…" />
      <Skeleton className="h-52 w-full" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        <SkeletonBlocks count={7} className="h-20" />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <SkeletonBlocks count={4} className="h-80" />
      </div>
    </LoadingRegion>
  );
}
