import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createApiTokenAction } from "@/app/(staff)/settings/tokens/actions";
import { createClientAction } from "@/app/(staff)/clients/actions";
import { saveDebriefDraftAction } from "@/app/(candidate)/my/interviews/[id]/debrief/actions";
import { listApiTokens } from "@/db/queries/api-tokens";
import { debriefs } from "@/db/schema";
import { emptyDebriefDraft } from "@/lib/core/validation/debrief";
import { submit } from "../helpers/actions";
import { signedInAs } from "../helpers/context";
import { useFirm } from "../helpers/firms";
import { formData, scopeOf, sessionFor } from "../helpers/fixtures";

/**
 * PostgreSQL refuses the NUL character in text, so a form field holding one
 * must get a message next to it — never "something went wrong" (a 500) after
 * the database refused the save. Found by the action fuzzing: an API token
 * named "\u0000".
 */
describe("a form field with a NUL character", () => {
  const { database, firm: firm } = useFirm("nul", { requests: true });

  it("gets a message next to the field and saves nothing", async () => {
    signedInAs(await sessionFor(database.current.db, firm, firm.admin));
    const state = await submit(createApiTokenAction, formData({ name: "\u0000" }));
    expect(state.ok).toBe(false);
    expect(state.fieldErrors?.name?.[0]).toMatch(/NUL character/);
    expect(state.formError).not.toMatch(/Something went wrong/);
    expect(await listApiTokens(scopeOf(database.current.db, firm, firm.admin))).toEqual([]);

    const client = await submit(createClientAction, formData({ name: "Acme\u0000 Ltd" }));
    expect(client.ok).toBe(false);
    expect(client.fieldErrors?.name?.[0]).toMatch(/NUL character/);
    signedInAs(null);
  });

  it("inside a debrief draft's JSON is dropped, and the rest of the text is saved", async () => {
    signedInAs(await sessionFor(database.current.db, firm, firm.candidateUser));
    const draft = { ...emptyDebriefDraft(), wentWell: "Good\u0000 rapport" };
    const state = await submit(saveDebriefDraftAction, formData({ interviewId: firm.interviewId, version: "", draft: JSON.stringify(draft) }));
    expect(state.formError ?? "").not.toMatch(/Something went wrong/);
    expect(state.ok, JSON.stringify(state)).toBe(true);
    const [saved] = await database.current.db.select({ wentWell: debriefs.wentWell }).from(debriefs).where(eq(debriefs.interviewId, firm.interviewId));
    expect(saved?.wentWell).toBe("Good rapport");
    signedInAs(null);
  });
});
