import type { Metadata } from "next";
import { headers } from "next/headers";
import { accessFeedbackLink } from "@/lib/auth/feedback-link-access";
import { clientIp } from "@/lib/auth/request";
import { openLinkForm } from "@/lib/feedback-links/answer-link";
import { dayInWords } from "@/lib/feedback-links/request-feedback";
import { PlainNotice } from "./plain-notice";
import { LinkFeedbackForm } from "./link-feedback-form";

export const metadata: Metadata = { title: "Interview feedback", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * A client interviewer's scorecard for one interview, opened from the link in
 * their email. It shows the candidate's name, the job, the interview's date
 * and the scorecard, and nothing else; a link that is not (or no longer)
 * usable shows at most the firm's name.
 */
export default async function FeedbackLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const access = await accessFeedbackLink(token, { ip: clientIp(await headers()) });
  switch (access.status) {
    case "rate_limited":
      return (
        <PlainNotice title="Too many attempts">
          This link was opened too many times in a short while. Wait {Math.ceil(access.retryAfterSeconds / 60)} minutes and open it again.
        </PlainNotice>
      );
    case "refused":
      return (
        <PlainNotice title="This link doesn&apos;t work">
          Check that you opened the whole link from the email. If it still doesn&apos;t work, reply to that email.
        </PlainNotice>
      );
    case "closed":
      return (
        <PlainNotice title="This link no longer works" firmName={access.firmName}>
          {access.reason === "expired" ? "It has expired." : "It was withdrawn, perhaps because a newer one was sent."} If you still want to
          give feedback, contact {access.firmName}.
        </PlainNotice>
      );
    case "answered":
      return (
        <PlainNotice title="Thank you for your feedback" firmName={access.firmName} tone="success">
          Your answer reached {access.firmName} on {dayInWords(access.answeredAt, access.timeZone)}. There is nothing more to do; this link now shows only
          this note.
        </PlainNotice>
      );
  }
  const form = await openLinkForm(access);
  if (!form) {
    return <PlainNotice title="This link no longer works" firmName={access.firmName}>If you still want to give feedback, contact {access.firmName}.</PlainNotice>;
  }
  const zone = access.link.timeZone;
  return (
    <div className="flex flex-col gap-5">
      <header className="flex flex-col gap-1 px-1">
        <p className="text-sm font-semibold text-muted-foreground">{access.firmName}</p>
        <h1 className="text-2xl font-semibold tracking-tight text-balance">Your feedback on {form.candidateName}</h1>
        <p className="text-sm text-muted-foreground">
          {form.jobTitle} · interview on {dayInWords(form.startsAt, zone)}
        </p>
      </header>
      <LinkFeedbackForm
        token={token}
        contactId={access.link.contactId}
        contactName={form.contactName}
        candidateName={form.candidateName}
        attributes={form.attributes}
      />
    </div>
  );
}
