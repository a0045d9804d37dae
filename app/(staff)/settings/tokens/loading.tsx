import { PageHeader } from "@/app/_components/ui/page-header";
import { Skeleton } from "@/app/_components/ui/skeleton";

export default function ApiTokensLoading() {
  return (
    <div className="flex flex-col gap-6" aria-busy="true">
      <PageHeader title="API tokens" />
      <span className="sr-only" role="status">
        Loading the tokens…
      </span>
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-56 w-full" />
    </div>
  );
}
