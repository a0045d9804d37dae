import { ArrowRight, BarChart3, ClipboardList, LayoutDashboard } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { homeFor } from "@/lib/auth/home";
import { getScope } from "@/lib/auth/scope";

import { Button } from "./_components/ui/button";
import { StatusPill, type Status } from "./_components/ui/status-pill";
import { Wordmark } from "./_components/wordmark";

const PLAN: { step: string; detail: string; state: Status; label: string }[] = [
  { step: "Thank-you note to Maria Chen", detail: "Mention your AWS certification", state: "due", label: "Due today" },
  { step: "Thank-you note to Sam Patel", detail: "One short email", state: "due", label: "Due today" },
  { step: "Debrief for your recruiter", detail: "Filed last night", state: "done", label: "Done" },
  { step: "Call the hiring manager", detail: "Once, if no news by Friday", state: "info", label: "Wed only" },
  { step: "Drop by the office", detail: "No unannounced visits", state: "not_allowed", label: "Not allowed" },
];

const SIDES = [
  {
    icon: ClipboardList,
    title: "Candidates",
    text: "File a debrief after each interview and follow a dated plan: what to do next, when — and what not to do.",
  },
  {
    icon: LayoutDashboard,
    title: "Recruiters",
    text: "Every debrief beside the interviewer's feedback, the next steps you owe, and a queue of what needs you today.",
  },
  {
    icon: BarChart3,
    title: "Firms",
    text: "Pipeline reports as CSV, XLSX or an API for your BI tools, and the funnel as charts.",
  },
];

export default async function HomePage() {
  // Signed in: straight to the role's home. Signed out: the landing page.
  const scope = await getScope();
  if (scope) redirect(homeFor(scope.role));
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-border">
        <div className="mx-auto flex h-14 w-full max-w-5xl items-center justify-between px-4 sm:px-6">
          <Link href="/" className="rounded-md">
            <Wordmark />
          </Link>
          <Button asChild variant="outline" size="sm">
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </header>

      <main id="main" className="flex-1">
        <section className="mx-auto grid w-full max-w-5xl items-center gap-12 px-4 py-14 sm:px-6 md:grid-cols-[1.15fr_1fr] md:py-24">
          <div>
            <p className="text-sm font-medium text-accent-text">For staffing firms</p>
            <h1 className="mt-2 text-4xl leading-[1.1] font-semibold tracking-tight sm:text-[2.75rem]">
              What happens after the interview, in one place.
            </h1>
            <p className="mt-5 max-w-xl text-base leading-7 text-muted-foreground">
              Afterview is the post-interview desk of a staffing firm. Candidates file a debrief for each interview
              and get a follow-up plan that tells them what to do next and when. Recruiters see every debrief, the
              interviewer feedback they collected and the next steps they owe. Firms export pipeline reports for
              their own books — instead of phone calls, inboxes and spreadsheets.
            </p>
            <div className="mt-8 flex flex-wrap items-center gap-3">
              <Button asChild size="lg">
                <Link href="/sign-in">
                  Sign in
                  <ArrowRight aria-hidden="true" />
                </Link>
              </Button>
              <p className="text-sm text-muted-foreground">Accounts are created by invitation from your firm.</p>
            </div>
          </div>

          <figure className="rounded-xl border border-border bg-card shadow-md" aria-labelledby="plan-caption">
            <figcaption id="plan-caption" className="border-b border-border px-5 py-3.5">
              <span className="block text-sm font-semibold">Follow-up plan</span>
              <span className="block text-xs text-muted-foreground">Onsite interview · Product Designer at Northwind</span>
            </figcaption>
            <ul className="divide-y divide-border">
              {PLAN.map((item) => (
                <li key={item.step} className="flex items-center justify-between gap-3 px-5 py-3">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium">{item.step}</p>
                    <p className="truncate text-xs text-muted-foreground">{item.detail}</p>
                  </div>
                  <StatusPill state={item.state}>{item.label}</StatusPill>
                </li>
              ))}
            </ul>
          </figure>
        </section>

        <section aria-labelledby="who-heading" className="border-t border-border bg-subtle">
          <div className="mx-auto w-full max-w-5xl px-4 py-14 sm:px-6">
            <h2 id="who-heading" className="sr-only">
              Who it is for
            </h2>
            <ul className="grid gap-8 sm:grid-cols-3">
              {SIDES.map(({ icon: Icon, title, text }) => (
                <li key={title}>
                  <span
                    aria-hidden="true"
                    className="flex size-9 items-center justify-center rounded-lg border border-border bg-card text-accent-text shadow-xs"
                  >
                    <Icon className="size-4" />
                  </span>
                  <h3 className="mt-3 text-sm font-semibold">{title}</h3>
                  <p className="mt-1 text-sm leading-6 text-muted-foreground">{text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>

      <footer className="border-t border-border">
        <div className="mx-auto w-full max-w-5xl px-4 py-6 text-xs text-muted-foreground sm:px-6">
          Afterview — the post-interview desk for staffing firms.
        </div>
      </footer>
    </div>
  );
}
