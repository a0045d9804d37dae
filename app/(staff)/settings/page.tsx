import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardList, DoorOpen, KeyRound, ListChecks, ScrollText, ShieldCheck, SlidersHorizontal, Users, Webhook } from "lucide-react";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/settings/team", icon: Users, title: "Team", text: "Invite recruiters and admins, change roles, deactivate people." },
  { href: "/settings/firm", icon: SlidersHorizontal, title: "Firm and follow-up policy", text: "Time zone, holidays, every number of the follow-up policy, session limits." },
  { href: "/settings/scorecard", icon: ListChecks, title: "Scorecard", text: "The attributes interviewers rate candidates on." },
  { href: "/settings/tokens", icon: KeyRound, title: "API tokens", text: "Tokens for BI tools reading the pipeline API." },
  { href: "/settings/sso", icon: DoorOpen, title: "Single sign-on", text: "Staff sign in through the firm's identity provider (OpenID Connect)." },
  { href: "/settings/webhooks", icon: Webhook, title: "Webhooks", text: "Tell the firm's other systems about debriefs, feedback, stage moves and interviews." },
  { href: "/settings/audit", icon: ScrollText, title: "Audit log", text: "Who did what to which record, and when." },
  { href: "/settings/data-requests", icon: ClipboardList, title: "Data requests", text: "Export or erase everything held on a candidate." },
  { href: "/account", icon: ShieldCheck, title: "Your account", text: "Your password and where you are signed in." },
];

export default async function SettingsPage() {
  await requireScope("settings.manage");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Settings" description="How this firm works in Afterview." />
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              className="flex h-full gap-3 rounded-lg border border-border bg-card p-4 transition-colors hover:border-border-strong hover:bg-hover"
            >
              <s.icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-accent-text" />
              <span className="flex flex-col gap-1">
                <span className="text-sm font-semibold">{s.title}</span>
                <span className="text-sm text-muted-foreground">{s.text}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
