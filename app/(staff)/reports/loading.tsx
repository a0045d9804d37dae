import { PageHeader } from "@/app/_components/ui/page-header";
import { Skeleton } from "@/app/_components/ui/skeleton";

export default function ReportsLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <PageHeader title="Reports" description="Counting the pipeline…" />
      <span className="sr-only" role="status">
        Loading the reports…
      </span>
      <Skeleton className="h-52 w-full" />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
        {Array.from({ length: 7 }, (_, i) => (
          <Skeleton key={i} className="h-20" />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-80" />
        ))}
      </div>
    </div>
  );
}
