import type { FirmBuilder } from "./builder";
import { SECOND_FIRM, login } from "./demo";
import { generatePipeline } from "./pipeline";
import { addAudit, addManualTask } from "./tasks";

// ---------------------------------------------------------------------------
// Bluestone Staffing: a second, smaller firm
// ---------------------------------------------------------------------------

export function buildBluestone(b: FirmBuilder) {
  const { clock } = b;
  const grace = b.addUser("Grace Liu", login("admin@bluestone.example").email, "admin");
  const tom = b.addUser("Tom Alvarez", `tom.alvarez@${SECOND_FIRM.domain}`, "recruiter");
  const ironbridge = b.addClient("Ironbridge Construction", "Construction", "ironbridge.example", [
    "Project Director",
    "HR Manager",
  ]);
  const tidewater = b.addClient("Tidewater Foods", "Food manufacturing", "tidewaterfoods.example", [
    "Plant Manager",
    "Quality Director",
  ]);
  b.addJob(ironbridge, "Project Engineer", "Charlotte, NC", "open", tom);
  b.addJob(ironbridge, "Site Safety Manager", "Charlotte, NC", "open", tom);
  b.addJob(tidewater, "Quality Assurance Lead", "Norfolk, VA", "open", grace);
  const candidates = Array.from({ length: 8 }, () => b.addCandidate({}));
  generatePipeline(b, {
    candidates,
    appsPerCandidate: [1, 2, 1, 2, 1, 2, 1, 2],
    stages: { sourced: 2, submitted: 2, interviewing: 4, offer: 1, placed: 1, rejected: 1, withdrawn: 1 },
    jobs: b.jobs,
    todaySlots: 1,
  });
  const app = b.apps.find((a) => a.stage === "interviewing");
  if (app) {
    addManualTask(b, {
      title: `Prep ${app.candidate.name.split(" ")[0]} for the ${app.job.client.name} interview`,
      owner: app.recruiter,
      app,
      dueAt: clock.at(1, 12),
      state: "open",
      createdAt: clock.at(-2, 10),
    });
  }
  addAudit(b, grace, "membership.invited", "membership", null, clock.at(-200, 10), { email: tom.email, role: "recruiter" });
  addAudit(b, grace, "firm.policy_updated", "firm", b.firmId, clock.at(-60, 9), { thankYouWithinHours: [24, 24] });
}
