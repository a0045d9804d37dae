import type { Metadata } from "next";
import { listPendingInvitations, listTeam } from "@/db/queries/auth";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { requireScope } from "@/lib/auth/scope";
import { RowsTable } from "../../_components/records/rows-table";
import { InviteStaffForm, MemberControls, RevokeInvitationButton } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

/** The header of a column of buttons: read, not shown. */
const ACTIONS = <span className="sr-only">Actions</span>;

const dateFmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export default async function TeamPage() {
  const scope = await requireScope("team.manage");
  const [team, invitations] = await Promise.all([listTeam(scope), listPendingInvitations(scope)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Team" description="Who works in this firm's Afterview, and with which role." />
      <Card>
        <CardHeader>
          <CardTitle>Invite a recruiter or admin</CardTitle>
          <CardDescription>They get a one-time link by email, valid for 7 days.</CardDescription>
        </CardHeader>
        <CardContent>
          <InviteStaffForm />
        </CardContent>
      </Card>
      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading" className="text-base font-semibold">
          Members ({team.length})
        </h2>
        <RowsTable
          rows={team}
          rowKey={(m) => m.membershipId}
          interactive={false}
          columns={[
            { header: "Name", cellClassName: "font-medium", cell: (m) => m.name },
            { header: "Email", cell: (m) => m.email },
            { header: "Role", cellClassName: "capitalize", cell: (m) => m.role },
            {
              header: "Status",
              cell: (m) => (
                <StatusPill state={m.status === "active" ? "done" : "not_allowed"}>{m.status === "active" ? "Active" : "Deactivated"}</StatusPill>
              ),
            },
            { header: "Last sign-in", cell: (m) => (m.lastSignInAt ? dateFmt.format(m.lastSignInAt) : "Never") },
            {
              header: ACTIONS,
              cellAlign: "right",
              cell: (m) =>
                m.userId === scope.userId ? (
                  <span className="text-xs text-muted-foreground">You</span>
                ) : (
                  <MemberControls membershipId={m.membershipId} name={m.name} role={m.role as "admin" | "recruiter"} status={m.status} />
                ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
        <h2 id="invitations-heading" className="text-base font-semibold">
          Pending invitations ({invitations.length})
        </h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-muted-foreground">No invitations are waiting.</p>
        ) : (
          <RowsTable
            rows={invitations}
            rowKey={(i) => i.id}
            interactive={false}
            columns={[
              { header: "Email", cell: (i) => i.email },
              { header: "Role", cellClassName: "capitalize", cell: (i) => i.role },
              { header: "Expires", cell: (i) => dateFmt.format(i.expiresAt) },
              { header: ACTIONS, cellAlign: "right", cell: (i) => <RevokeInvitationButton invitationId={i.id} email={i.email} /> },
            ]}
          />
        )}
      </section>
    </div>
  );
}
