import { TriangleAlert } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { StatusPill, type Status } from "@/app/_components/ui/status-pill";
import { THANK_YOU_CHANNEL_LABELS, type ThankYouChannel } from "@/lib/core/vocabulary";
import type { StaffPlan, StaffPlanAbsence, StaffPlanStep } from "@/lib/plans/staff-plan";
import { formatDateTime, zoneAbbreviation } from "../../_components/format";

/**
 * "The candidate's plan" on the staff interview page: each step the candidate
 * was given, its dates in the firm's time zone, its state in words, what the
 * candidate ticked off or logged, and a warning beside what went against it.
 */

const ABSENCE_TEXT: Record<StaffPlanAbsence, string> = {
  upcoming: "The interview has not taken place yet. The candidate's plan starts when it ends.",
  cancelled: "The interview was cancelled, so the candidate has no plan to follow.",
  no_show: "The interview was recorded as missed, so the candidate has no plan to follow.",
  no_debrief:
    "No debrief yet. The candidate's plan is worked out from their debrief; it shows here once they submit it.",
};

const DONT_KINDS = new Set(["no_call", "no_visit"]);

function pillOf(step: StaffPlanStep): { state: Status; label: string } {
  if (DONT_KINDS.has(step.kind)) return { state: "not_allowed", label: "Not allowed" };
  switch (step.state) {
    case "done":
      return { state: "done", label: "Done" };
    case "due":
      return { state: "due", label: step.kind === "call" ? "Allowed now" : "Due" };
    case "overdue":
      return { state: "overdue", label: step.kind === "call" ? "Window closed" : "Overdue" };
    case "not_allowed":
      return { state: "not_allowed", label: step.closed ? "No longer allowed" : "Not yet allowed" };
    case "waiting":
      return { state: "neutral", label: "Waiting" };
  }
}

function Flag({ children }: { children: string }) {
  return (
    <p className="flex items-start gap-1.5 text-sm font-medium text-overdue-foreground">
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <span>
        <span className="sr-only">Warning: </span>
        {children}
      </span>
    </p>
  );
}

function StepDates({ step, zone }: { step: StaffPlanStep; zone: string }) {
  const parts: { label: string; at: Date }[] = [];
  if (step.notBefore) parts.push({ label: "Not before", at: step.notBefore });
  if (step.dueAt) parts.push({ label: step.kind === "wait" ? "Until" : step.kind === "call" ? "Until" : "Due", at: step.dueAt });
  if (parts.length === 0) return <span className="text-muted-foreground">No date</span>;
  return (
    <span className="flex flex-col">
      {parts.map((p) => (
        <span key={p.label}>
          {p.label} <time dateTime={p.at.toISOString()}>{formatDateTime(p.at, zone)}</time>
        </span>
      ))}
    </span>
  );
}

function Ticked({ step, zone }: { step: StaffPlanStep; zone: string }) {
  const note = step.thankYou;
  if (!note) return null;
  if (!note.sentAt && step.state !== "done") return <p className="text-sm text-muted-foreground">Not ticked off yet.</p>;
  const channel = note.channel ? THANK_YOU_CHANNEL_LABELS[note.channel as ThankYouChannel] : null;
  return (
    <p className="text-sm">
      Ticked off as sent
      {note.sentAt ? (
        <>
          {" "}
          <time dateTime={note.sentAt.toISOString()}>{formatDateTime(note.sentAt, zone)}</time>
        </>
      ) : null}
      {channel ? ` (${channel.toLowerCase()})` : ""}.
    </p>
  );
}

export function CandidatePlanSection({ plan }: { plan: StaffPlan }) {
  const zone = plan.timeZone;
  const zoneLabel = zoneAbbreviation(new Date(), zone);
  return (
    <section id="candidate-plan" aria-labelledby="candidate-plan-title">
      <Card>
        <CardHeader>
          <CardTitle id="candidate-plan-title">The candidate&apos;s plan</CardTitle>
          <CardDescription>
            What the candidate has been told to do, and when. Times are the firm&apos;s ({zoneLabel}).
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {plan.absence ? (
            <p className="text-sm text-muted-foreground">{ABSENCE_TEXT[plan.absence]}</p>
          ) : (
            <>
              {plan.warnings.length > 0 ? (
                <div className="flex flex-col gap-1 rounded-md border border-overdue-border bg-overdue-subtle px-3 py-2">
                  {plan.warnings.map((w) => (
                    <Flag key={w.code}>{w.message}</Flag>
                  ))}
                </div>
              ) : null}
              <div className="overflow-x-auto" role="region" aria-label="Steps of the candidate's plan" tabIndex={0}>
                <table className="w-full min-w-[30rem] text-left text-sm">
                  <caption className="sr-only">The candidate&apos;s steps, their dates and their state</caption>
                  <thead className="border-b border-border text-xs text-muted-foreground">
                    <tr>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        Step
                      </th>
                      <th scope="col" className="py-2 pr-3 font-medium">
                        When
                      </th>
                      <th scope="col" className="py-2 font-medium">
                        State
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-border">
                    {plan.steps.map((step) => {
                      const pill = pillOf(step);
                      return (
                        <tr key={step.key} data-step={step.key} className="align-top">
                          <th scope="row" className="py-3 pr-3 font-normal">
                            <span className="block font-medium">{step.title}</span>
                            <span className="block text-muted-foreground">{step.reason}</span>
                            <Ticked step={step} zone={zone} />
                            {step.flags.map((f) => (
                              <Flag key={f}>{f}</Flag>
                            ))}
                          </th>
                          <td className="py-3 pr-3 whitespace-nowrap">
                            <StepDates step={step} zone={zone} />
                          </td>
                          <td className="py-3">
                            <StatusPill state={pill.state}>{pill.label}</StatusPill>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <div className="flex flex-col gap-2">
                <h3 className="text-sm font-semibold">Calls the candidate logged</h3>
                {plan.calls.length === 0 ? (
                  <p className="text-sm text-muted-foreground">None.</p>
                ) : (
                  <ul className="flex flex-col divide-y divide-border">
                    {plan.calls.map((c) => (
                      <li key={c.id} className="flex flex-col gap-1 py-2 text-sm">
                        <span>
                          Called {c.contactName ?? "the interviewer"},{" "}
                          <time dateTime={c.calledAt.toISOString()}>{formatDateTime(c.calledAt, zone)}</time>
                        </span>
                        {c.flags.map((f) => (
                          <Flag key={f}>{f}</Flag>
                        ))}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
