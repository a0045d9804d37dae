import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { z } from "zod";
import { getMyDebrief } from "@/db/queries/debriefs";
import { listMyCalls } from "@/db/queries/portal";
import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { kindLabel, whenLabel, zoneAbbreviation } from "@/app/(candidate)/_components/format";
import { PlanView } from "@/app/(candidate)/_components/plan-view";
import { requireScope } from "@/lib/auth/scope";
import { getMyPlan } from "@/lib/plans/candidate-plan";

export const metadata: Metadata = { title: "Follow-up plan" };

export default async function InterviewPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const scope = await requireScope("portal.read");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!z.uuid().safeParse(id).success) notFound();
  const now = new Date();
  const [data, calls, debrief] = await Promise.all([getMyPlan(scope, id, { now }), listMyCalls(scope, id), getMyDebrief(scope, id)]);
  if (!data) notFound();
  const { plan, firm } = data;
  const zone = firm.timeZone;
  const submitted = typeof query.submitted === "string" ? Number(query.submitted) : null;
  const iv = plan.interview;

  return (
    <div className="flex flex-col">
      <PageHeader
        eyebrow={
          <Link href="/my/plan" className="inline-flex min-h-11 items-center gap-1 font-medium text-accent-text underline-offset-4 hover:underline">
            <ChevronLeft aria-hidden="true" className="size-4" /> My plan
          </Link>
        }
        title={`Your plan after the ${kindLabel(iv.kind).toLowerCase()} at ${iv.clientName}`}
        description="Dated steps and why, what not to do, and how long to wait."
        actions={
          plan.debriefState !== "upcoming" && plan.debriefState !== "cancelled" && plan.debriefState !== "no_show" ? (
            <Button asChild variant="outline" size="lg" className="h-11">
              <Link href={`/my/interviews/${iv.id}/debrief`}>
                {plan.debriefState === "submitted" ? "View or amend your debrief" : "Open your debrief"}
              </Link>
            </Button>
          ) : undefined
        }
      />
      {submitted ? (
        <Alert variant="success" announce className="mb-5">
          <AlertTitle>{submitted > 1 ? "Amendment sent" : "Debrief sent"}</AlertTitle>
          <AlertDescription>
            Your recruiter has it{submitted > 1 ? ` (version ${submitted}; the earlier ones are kept)` : ""}. Here is what to do next.
          </AlertDescription>
        </Alert>
      ) : null}
      {plan.debriefState === "cancelled" || plan.debriefState === "no_show" ? (
        <Alert variant="info">
          <AlertDescription>
            This interview {plan.debriefState === "cancelled" ? "was cancelled" : "was recorded as missed"}, so there is nothing to
            follow up. Your recruiter will be in touch.
          </AlertDescription>
        </Alert>
      ) : plan.debriefState === "upcoming" ? (
        <Alert variant="info">
          <AlertDescription>This interview has not taken place yet. Your plan starts the moment it ends.</AlertDescription>
        </Alert>
      ) : (
        <div className="flex flex-col gap-6">
          <PlanView
            plan={plan}
            zone={zone}
            zoneLabel={zoneAbbreviation(zone, now)}
            now={now}
            noteFacts={{ wentWell: debrief?.wentWell ?? "" }}
          />
          {calls.length > 0 ? (
            <section aria-labelledby="calls-title" className="flex flex-col gap-2">
              <h2 id="calls-title" className="text-base font-semibold">
                Calls you logged
              </h2>
              <ul className="divide-y divide-border rounded-lg border border-border bg-card">
                {calls.map((c) => (
                  <li key={c.id} className="px-4 py-3 text-sm">
                    <p className="font-medium">
                      {c.contactName ?? "The interviewer"}, {whenLabel(c.calledAt, zone, now)}
                    </p>
                    {c.notes ? <p className="mt-0.5 text-muted-foreground">{c.notes}</p> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
    </div>
  );
}
