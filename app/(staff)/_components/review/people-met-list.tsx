import { Users } from "lucide-react";
import type { InterviewReview } from "@/db/queries/review";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { dayLabel } from "./format";
import { PersonMetActions } from "./review-forms";

/**
 * The people the candidate met, from the debrief: each still to confirm as a contact of the
 * client, merge with one, or dismiss; or what became of them.
 */
export function PeopleMetList({
  review,
  interviewId,
  mergeTargets,
  zone,
}: {
  review: InterviewReview;
  interviewId: string;
  mergeTargets: { id: string; name: string; title: string; email: string | null }[];
  zone: string;
}) {
  if (review.peopleMet.length === 0) return null;
  const pending = review.peopleMet.filter((p) => p.resolution === "pending");
  return (
    <section aria-labelledby="people-met-heading">
      <Card>
        <CardHeader className="pb-2">
          <CardTitle id="people-met-heading" className="flex items-center gap-2">
            <Users aria-hidden="true" className="size-4 text-muted-foreground" />
            People met
            {pending.length > 0 ? <Badge variant="accent">{pending.length} to confirm</Badge> : null}
          </CardTitle>
          <p className="text-sm text-muted-foreground">
            The people {review.candidate.name.split(" ")[0]} met, from the debrief. Confirm them as contacts of {review.client.name}, merge them with a contact you already have, or dismiss them.
          </p>
        </CardHeader>
        <CardContent className="px-0 pb-2">
          <ul className="divide-y divide-border border-t border-border">
            {review.peopleMet.map((p) => (
              <li key={p.id} className="flex flex-col gap-2 px-5 py-3 @2xl:flex-row @2xl:items-start @2xl:gap-6">
                <div className="min-w-0 @2xl:w-64 @2xl:shrink-0">
                  <p className="font-medium">{p.name || "Name not given"}</p>
                  <p className="text-[0.8125rem] text-muted-foreground">{[p.title, p.email, p.phone].filter(Boolean).join(" · ") || "No details given"}</p>
                </div>
                <div className="min-w-0 flex-1">
                  {p.resolution === "pending" ? (
                    <PersonMetActions
                      person={{
                        id: p.id,
                        name: p.name,
                        title: p.title,
                        email: p.email,
                        phone: p.phone,
                        match: p.match ? { contactId: p.match.contactId, name: p.match.name, by: p.match.by } : null,
                      }}
                      interviewId={interviewId}
                      clientName={review.client.name}
                      mergeTargets={mergeTargets}
                    />
                  ) : (
                    <p className="flex flex-wrap items-center gap-2 text-[0.8125rem] text-muted-foreground">
                      <StatusPill state={p.resolution === "dismissed" ? "not_allowed" : "done"}>
                        {p.resolution === "confirmed" ? "Contact" : p.resolution === "merged" ? "Merged" : "Dismissed"}
                      </StatusPill>
                      {p.contactName && p.resolution !== "dismissed" ? <span>{p.contactName} at {review.client.name}</span> : null}
                      {p.resolvedAt ? <span>· {dayLabel(p.resolvedAt, zone)}</span> : null}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </section>
  );
}
