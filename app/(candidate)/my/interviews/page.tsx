import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "My interviews" };

export default async function MyInterviewsPage() {
  const scope = await requireScope("portal.read");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="My interviews" description={`Hello ${scope.userName.split(" ")[0]}.`} />
    </div>
  );
}
