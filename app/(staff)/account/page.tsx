import type { Metadata } from "next";
import { AccountSecurity } from "@/app/_components/account-security";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const scope = await requireScope("account.manage");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Your account" description={`${scope.userName} · ${scope.userEmail}`} />
      <Card>
        <CardHeader>
          <CardTitle>Two-factor sign-in</CardTitle>
          <CardDescription>A code from an authenticator app after your password.</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline">
            <Link href="/account/mfa">Manage two-factor sign-in</Link>
          </Button>
        </CardContent>
      </Card>
      <AccountSecurity scope={scope} />
    </div>
  );
}
