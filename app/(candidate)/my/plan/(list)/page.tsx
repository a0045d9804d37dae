import type { Metadata } from "next";
import Link from "next/link";
import { ListTodo } from "lucide-react";
import { getMyDebrief } from "@/db/queries/debriefs";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/empty-state";
import { PageHeader } from "@/app/_components/ui/page-header";
import { zoneAbbreviation } from "@/app/(candidate)/_components/format";
import { PlanView } from "@/app/(candidate)/_components/plan-view";
import { requireScope } from "@/lib/auth/scope";
import { getMyPlans, RECENT_PLAN_DAYS } from "@/lib/plans/candidate-plan";

export const metadata: Metadata = { title: "My plan" };

export default async function MyPlanPage() {
  const scope = await requireScope("portal.read");
  const now = new Date();
  const data = await getMyPlans(scope, { now });
  const plans = data?.plans ?? [];
  // What went well, for the thank-you drafts of the plans that still have a note to send.
  const withNotes = plans.filter((p) => p.steps.some((s) => s.kind === "thank_you" && (s.state === "due" || s.state === "overdue")));
  const debriefs = await Promise.all(withNotes.map((p) => getMyDebrief(scope, p.interview.id)));
  const wentWell = new Map(withNotes.map((p, i) => [p.interview.id, debriefs[i]?.wentWell ?? ""]));
  const zone = data?.firm.timeZone ?? "UTC";
  return (
    <div className="flex flex-col">
      <PageHeader
        title="My plan"
        description="What to do after each interview and when — and what not to do. Follow it and you will never seem too quiet or too pushy."
      />
      {plans.length === 0 ? (
        <EmptyState
          icon={<ListTodo />}
          title="No plans right now"
          description={`A plan appears here once an interview has taken place, and stays for ${RECENT_PLAN_DAYS} days while the application is open.`}
          action={
            <Button asChild variant="outline" size="lg" className="h-11">
              <Link href="/my/interviews">See my interviews</Link>
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-6">
          {plans.map((plan) => (
            <PlanView
              key={plan.interview.id}
              plan={plan}
              zone={zone}
              zoneLabel={zoneAbbreviation(zone, now)}
              now={now}
              linkToPlan
              noteFacts={{ wentWell: wentWell.get(plan.interview.id) ?? "" }}
            />
          ))}
        </div>
      )}
    </div>
  );
}
