import { PlanSkeleton } from "@/app/(candidate)/_components/plan-skeleton";

export default function Loading() {
  return <PlanSkeleton label="Loading your plan…" />;
}
