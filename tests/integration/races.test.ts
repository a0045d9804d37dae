import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as s from "@/db/schema";
import { getCandidate, updateCandidate } from "@/db/queries/candidates";
import { useFirm } from "../helpers/firms";
import { scopeOf } from "../helpers/fixtures";

/**
 * Two recruiters save the same record at the same moment, again and again:
 * exactly one save wins each time and the other is told it conflicts —
 * nothing is silently overwritten. On real PostgreSQL the two saves run on
 * separate connections at once.
 */
describe("concurrent saves", () => {
  const { database, firm: a } = useFirm("race", { requests: true });

  it("lets exactly one of two simultaneous saves win, 100 times", async () => {
    const db = database.current.db;
    const one = scopeOf(db, a, a.recruiter);
    const two = scopeOf(db, a, a.admin);
    let wins = 0;
    for (let i = 0; i < 100; i++) {
      const current = await getCandidate(one, a.candidateId);
      expect(current).not.toBeNull();
      const base = {
        id: a.candidateId,
        version: current!.version,
        name: current!.name,
        email: current!.email,
        phone: current!.phone,
        location: current!.location,
        headline: current!.headline,
        ownerUserId: current!.ownerUserId,
      };
      const [r1, r2] = await Promise.all([
        updateCandidate(one, { ...base, notes: `first ${i}` }),
        updateCandidate(two, { ...base, notes: `second ${i}` }),
      ]);
      const results = [r1, r2];
      const ok = results.filter((r) => r.ok);
      const conflicts = results.filter((r) => !r.ok && r.reason === "conflict");
      expect(ok).toHaveLength(1);
      expect(conflicts).toHaveLength(1);
      const [row] = await db.select({ notes: s.candidates.notes, version: s.candidates.version }).from(s.candidates).where(eq(s.candidates.id, a.candidateId));
      // The stored text is the winner's, and the version moved by exactly one.
      const winner = r1.ok ? `first ${i}` : `second ${i}`;
      expect(row?.notes).toBe(winner);
      expect(row?.version).toBe(current!.version + 1);
      wins++;
    }
    expect(wins).toBe(100);
  }, 180_000);
});
