import { and, eq, sql } from "drizzle-orm";
import { firms, policyWithDefaults, type FollowUpPolicySettings } from "../schema";
import { recordAudit } from "./audit";
import type { QueryScope } from "./scope";

const columns = {
  id: firms.id,
  name: firms.name,
  timeZone: firms.timeZone,
  holidays: firms.holidays,
  policy: firms.policy,
  sessionIdleMinutes: firms.sessionIdleMinutes,
  sessionAbsoluteHours: firms.sessionAbsoluteHours,
  mfaRequired: firms.mfaRequired,
  candidateReminders: firms.candidateReminders,
  retentionDays: firms.retentionDays,
  feedbackLinkDays: firms.feedbackLinkDays,
  version: firms.version,
};

export async function getFirmSettings(scope: QueryScope) {
  const [row] = await scope.db.select(columns).from(firms).where(eq(firms.id, scope.firmId)).limit(1);
  return row ? { ...row, policy: policyWithDefaults(row.policy) } : null;
}

export type FirmSettings = NonNullable<Awaited<ReturnType<typeof getFirmSettings>>>;

export interface FirmSettingsInput {
  version: number;
  name: string;
  timeZone: string;
  holidays: string[];
  policy: FollowUpPolicySettings;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  mfaRequired: boolean;
  /** Candidates get plan emails (notes due soon, the call window opening, a missing debrief). */
  candidateReminders?: boolean;
  retentionDays: number | null;
  /** How long a feedback link mailed to a client's interviewer works. */
  feedbackLinkDays?: number;
}

/** Saves the firm's settings if nobody saved them since `version` was read. */
export async function updateFirmSettings(
  scope: QueryScope,
  input: FirmSettingsInput,
): Promise<{ ok: true } | { ok: false; current: FirmSettings | null }> {
  return scope.db.transaction(async (tx) => {
    const t = { ...scope, db: tx };
    const before = await getFirmSettings(t);
    const { version, ...values } = input;
    const rows = await tx
      .update(firms)
      .set({ ...values, version: sql`${firms.version} + 1` })
      .where(and(eq(firms.id, scope.firmId), eq(firms.version, version)))
      .returning({ id: firms.id });
    if (rows.length === 0) return { ok: false as const, current: before };
    await recordAudit(t, {
      action: "firm.settings.update",
      entityType: "firm",
      entityId: scope.firmId,
      changes: { before: before ? { ...before, version: undefined } : null, after: values },
    });
    return { ok: true as const };
  });
}
