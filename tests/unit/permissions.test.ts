import { describe, expect, it } from "vitest";
import { homeFor } from "@/lib/auth/home";
import { can, PERMISSIONS, ROLE_PERMISSIONS } from "@/lib/core/permissions";

describe("permission map", () => {
  it("gives admins every permission a recruiter has", () => {
    for (const p of ROLE_PERMISSIONS.recruiter) expect(can("admin", p)).toBe(true);
  });

  it("keeps firm administration from recruiters", () => {
    for (const p of ["team.invite", "team.manage", "settings.manage", "tokens.manage", "audit.read", "candidates.erase"] as const) {
      expect(can("recruiter", p)).toBe(false);
      expect(can("admin", p)).toBe(true);
    }
  });

  it("gives candidates only the portal and their own account", () => {
    expect([...ROLE_PERMISSIONS.candidate].sort()).toEqual(
      ["account.manage", "portal.debrief.write", "portal.plan.write", "portal.read"].sort(),
    );
    expect(can("candidate", "feedback.read")).toBe(false);
    expect(can("candidate", "debriefs.read")).toBe(false);
  });

  it("keeps staff out of the candidate portal's write permissions", () => {
    expect(can("recruiter", "portal.debrief.write")).toBe(false);
    expect(can("admin", "portal.plan.write")).toBe(false);
  });

  it("names only known permissions in every role", () => {
    const known = new Set<string>(PERMISSIONS);
    for (const set of Object.values(ROLE_PERMISSIONS)) for (const p of set) expect(known.has(p)).toBe(true);
  });

  it("sends each role to its own home", () => {
    expect(homeFor("candidate")).toBe("/my/interviews");
    expect(homeFor("recruiter")).toBe("/dashboard");
    expect(homeFor("admin")).toBe("/dashboard");
  });
});
