"use client";

import { Ban, Send } from "lucide-react";
import Link from "next/link";
import { useActionState } from "react";
import { FormStateAlerts } from "@/app/_components/action-form";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { initialFormState } from "@/lib/core/form-state";
import { requestFeedbackAction, revokeFeedbackLinkAction } from "../feedback-link-actions";

export type InterviewerRow = {
  contactId: string;
  name: string;
  title: string;
  email: string | null;
  phone: string;
  link: null | {
    id: string;
    state: "sent" | "opened" | "answered" | "expired" | "revoked" | "mail_failed";
    stateLabel: string;
    /** "sent 3 Mar, expires 17 Mar" and the like, in the firm's zone. */
    detail: string;
  };
};

const STATE_VARIANT = { answered: "accent", opened: "outline", sent: "outline", expired: "neutral", revoked: "neutral", mail_failed: "neutral" } as const;

/**
 * The interview's interviewers, each with the state of their feedback link
 * and what a recruiter can do about it: request feedback (or send a new
 * link), withdraw a link, or ask everyone at once.
 */
export function InterviewerLinks({
  interviewId,
  people,
  canRequest,
  requestHint,
}: {
  interviewId: string;
  people: InterviewerRow[];
  /** Staff who record feedback, for an interview that has taken place. */
  canRequest: boolean;
  /** Why requests are not offered (e.g. the interview has not ended), shown instead of the buttons. */
  requestHint: string | null;
}) {
  const [requestState, request, requesting] = useActionState(requestFeedbackAction, initialFormState);
  const [revokeState, revoke, revoking] = useActionState(revokeFeedbackLinkAction, initialFormState);
  const pending = requesting || revoking;
  const askable = people.filter((p) => p.email && p.link?.state !== "answered");
  return (
    <div className="flex flex-col gap-3">
      <FormStateAlerts state={requestState.fieldErrors?.contactId ? { ...requestState, formError: requestState.fieldErrors.contactId[0] } : requestState} />
      <FormStateAlerts state={revokeState} />
      <ul className="flex flex-col gap-4">
        {people.map((p) => (
          <li key={p.contactId} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Link href={`/contacts/${p.contactId}`} className="font-medium hover:underline">
                {p.name}
              </Link>
              {p.link ? <Badge variant={STATE_VARIANT[p.link.state]}>{p.link.stateLabel}</Badge> : null}
            </div>
            {p.title ? <span className="text-xs text-muted-foreground">{p.title}</span> : null}
            <span className="text-xs">
              {p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : <span className="text-muted-foreground">No email address</span>}
              {p.phone ? (
                <>
                  {" · "}
                  <a href={`tel:${p.phone}`}>{p.phone}</a>
                </>
              ) : null}
            </span>
            {p.link ? <span className="text-xs text-muted-foreground">{p.link.detail}</span> : null}
            {canRequest && p.email && p.link?.state !== "answered" ? (
              <div className="mt-1 flex flex-wrap gap-2">
                <form action={request}>
                  <input type="hidden" name="interviewId" value={interviewId} />
                  <input type="hidden" name="contactId" value={p.contactId} />
                  <Button type="submit" size="sm" variant="outline" disabled={pending}>
                    <Send aria-hidden="true" />
                    {p.link ? "Send a new link" : "Request feedback"}
                    <span className="sr-only"> from {p.name}</span>
                  </Button>
                </form>
                {p.link && (p.link.state === "sent" || p.link.state === "opened" || p.link.state === "mail_failed") ? (
                  <form action={revoke}>
                    <input type="hidden" name="interviewId" value={interviewId} />
                    <input type="hidden" name="linkId" value={p.link.id} />
                    <Button type="submit" size="sm" variant="ghost" disabled={pending}>
                      <Ban aria-hidden="true" />
                      Withdraw link
                      <span className="sr-only"> sent to {p.name}</span>
                    </Button>
                  </form>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canRequest && askable.length > 1 ? (
        <form action={request}>
          <input type="hidden" name="interviewId" value={interviewId} />
          <input type="hidden" name="contactId" value="all" />
          <Button type="submit" size="sm" disabled={pending}>
            <Send aria-hidden="true" />
            Request feedback from all {askable.length}
          </Button>
        </form>
      ) : null}
      {requestHint && people.some((p) => p.email) ? <p className="text-xs text-muted-foreground">{requestHint}</p> : null}
      {people.length > 0 && canRequest ? (
        <p className="text-xs text-muted-foreground">
          The link opens a one-page scorecard with no sign-in. It shows only the candidate&apos;s name, the job and the interview&apos;s date.
        </p>
      ) : null}
    </div>
  );
}
