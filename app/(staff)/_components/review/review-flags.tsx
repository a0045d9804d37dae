import { Alert, AlertDescription, AlertTitle } from "@/app/_components/ui/alert";
import type { ReviewFlag } from "@/lib/core/review/flags";
import { CopyText } from "./review-forms";

/** Where the debrief and the feedback disagree, each with what to do; an addendum comes with a copy button. */
export function Flags({ flags }: { flags: ReviewFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <section aria-label="Where the debrief and the feedback disagree" className="flex flex-col gap-2">
      {flags.map((f) => (
        <Alert key={f.code} variant={f.severity === "warning" ? "warning" : "info"} data-flag={f.code}>
          <AlertTitle>{f.title}</AlertTitle>
          <AlertDescription>
            <p>{f.detail}</p>
            {f.addendum ? (
              <div className="mt-2 flex flex-col gap-2">
                <pre className="rounded-md border border-info-border bg-background px-3 py-2 font-sans text-[0.8125rem] whitespace-pre-wrap text-foreground">
                  {f.addendum}
                </pre>
                <div>
                  <CopyText text={f.addendum} label="Copy the addendum" />
                </div>
              </div>
            ) : null}
          </AlertDescription>
        </Alert>
      ))}
    </section>
  );
}
