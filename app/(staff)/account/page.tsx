import type { Metadata } from "next";
import { AccountSecurity } from "@/app/_components/account-security";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const scope = await requireScope("account.manage");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Your account" description={`${scope.userName} · ${scope.userEmail}`} />
      <AccountSecurity scope={scope} />
    </div>
  );
}
