import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const scope = await requireScope("dashboard.read");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Dashboard" description={`Welcome back, ${scope.userName.split(" ")[0]}.`} />
    </div>
  );
}
