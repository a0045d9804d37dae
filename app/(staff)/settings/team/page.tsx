import type { Metadata } from "next";
import { listPendingInvitations, listTeam } from "@/db/queries/auth";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { Table, TBody, Td, Th, THead, Tr } from "@/app/_components/ui/table";
import { requireScope } from "@/lib/auth/scope";
import { InviteStaffForm, MemberControls, RevokeInvitationButton } from "./team-forms";

export const metadata: Metadata = { title: "Team" };

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
        <Table>
          <THead>
            <Tr>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Status</Th>
              <Th>Last sign-in</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </Tr>
          </THead>
          <TBody>
            {team.map((m) => (
              <Tr key={m.membershipId}>
                <Td className="font-medium">{m.name}</Td>
                <Td>{m.email}</Td>
                <Td className="capitalize">{m.role}</Td>
                <Td>
                  <StatusPill state={m.status === "active" ? "done" : "not_allowed"}>
                    {m.status === "active" ? "Active" : "Deactivated"}
                  </StatusPill>
                </Td>
                <Td>{m.lastSignInAt ? dateFmt.format(m.lastSignInAt) : "Never"}</Td>
                <Td align="right">
                  {m.userId === scope.userId ? (
                    <span className="text-xs text-muted-foreground">You</span>
                  ) : (
                    <MemberControls membershipId={m.membershipId} name={m.name} role={m.role as "admin" | "recruiter"} status={m.status} />
                  )}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </section>
      <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
        <h2 id="invitations-heading" className="text-base font-semibold">
          Pending invitations ({invitations.length})
        </h2>
        {invitations.length === 0 ? (
          <p className="text-sm text-muted-foreground">No invitations are waiting.</p>
        ) : (
          <Table>
            <THead>
              <Tr>
                <Th>Email</Th>
                <Th>Role</Th>
                <Th>Expires</Th>
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              </Tr>
            </THead>
            <TBody>
              {invitations.map((i) => (
                <Tr key={i.id}>
                  <Td>{i.email}</Td>
                  <Td className="capitalize">{i.role}</Td>
                  <Td>{dateFmt.format(i.expiresAt)}</Td>
                  <Td align="right">
                    <RevokeInvitationButton invitationId={i.id} email={i.email} />
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </div>
  );
}
