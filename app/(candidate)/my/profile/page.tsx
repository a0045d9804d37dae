import type { Metadata } from "next";
import { AccountSecurity } from "@/app/_components/account-security";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getMyPlanEmails } from "@/db/queries/plan-reminders";
import { requireScope } from "@/lib/auth/scope";
import { PlanEmailsForm } from "./plan-emails-form";

export const metadata: Metadata = { title: "Profile" };

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export default async function ProfilePage() {
  const scope = await requireScope("account.manage");
  const planEmails = await getMyPlanEmails(scope);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Profile" description={`${scope.userName} · ${scope.userEmail}`} />
      {planEmails ? (
        <Card>
          <CardHeader>
            <CardTitle>Plan emails</CardTitle>
            <CardDescription>
              A short email when a step of your follow-up plan needs you: a debrief still missing, thank-you notes due soon, the
              day your one call is allowed.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <p className="text-sm">
              {planEmails.on
                ? "You get them."
                : `You turned them off${planEmails.offSince ? ` on ${day.format(planEmails.offSince)}` : ""}.`}
            </p>
            <PlanEmailsForm on={planEmails.on} />
          </CardContent>
        </Card>
      ) : null}
      <AccountSecurity scope={scope} />
    </div>
  );
}
