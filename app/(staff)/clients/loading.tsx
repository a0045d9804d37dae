import { PageSkeleton } from "../_components/table-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading clients…" />;
}
