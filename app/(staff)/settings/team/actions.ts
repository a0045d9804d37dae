"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { revokeInvitation, updateMembership } from "@/db/queries/auth";
import { defineFormAction } from "@/lib/actions";
import { AppError } from "@/lib/core/errors";
import { invite } from "@/lib/invitations";
import { inviteStaffSchema, updateMembershipSchema } from "@/lib/core/validation/auth";

export const inviteStaffAction = defineFormAction(inviteStaffSchema, "team.invite", async (scope, input) => {
  await invite(scope, { email: input.email, name: input.name, role: input.role });
  revalidatePath("/settings/team");
  return { ok: true, message: `Invitation sent to ${input.email}. The link is valid for 7 days.` };
});

export const updateMembershipAction = defineFormAction(updateMembershipSchema, "team.manage", async (scope, input) => {
  const result = await updateMembership(scope, input.membershipId, { role: input.role, status: input.status });
  if (result === "not_found") throw new AppError("not_found");
  if (result === "last_admin") {
    throw new AppError("conflict", "The firm needs at least one active admin. Make someone else an admin first.");
  }
  revalidatePath("/settings/team");
  return { ok: true, message: "Saved. The change applies on that person's next request." };
});

export const revokeInvitationAction = defineFormAction(
  z.object({ invitationId: z.uuid() }),
  "team.invite",
  async (scope, input) => {
    if (!(await revokeInvitation(scope, input.invitationId))) throw new AppError("not_found");
    revalidatePath("/settings/team");
    return { ok: true, message: "Invitation withdrawn." };
  },
);
