import type { Role } from "@/lib/core/vocabulary";

/**
 * Permissions are data: `resource.verb`. Every server action, route handler
 * and API endpoint names the one it needs and checks it itself.
 */
export const PERMISSIONS = [
  "dashboard.read",
  "clients.read",
  "clients.write",
  "contacts.read",
  "contacts.write",
  "jobs.read",
  "jobs.write",
  "candidates.read",
  "candidates.write",
  "candidates.invite",
  "candidates.erase",
  "applications.read",
  "applications.write",
  "interviews.read",
  "interviews.write",
  "debriefs.read",
  "debriefs.review",
  "feedback.read",
  "feedback.write",
  "tasks.read",
  "tasks.write",
  "reports.read",
  "reports.export",
  "team.read",
  "team.invite",
  "team.manage",
  "settings.manage",
  "tokens.manage",
  "webhooks.manage",
  "audit.read",
  "outbox.read",
  // candidate side: always limited to the candidate's own records by the query layer
  "portal.read",
  "portal.debrief.write",
  "portal.plan.write",
  // everyone signed in
  "account.manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** What only an admin may do: erase, manage the team and the firm's settings, read the audit log and the outbox. */
const ADMIN_ONLY: readonly Permission[] = [
  "candidates.erase",
  "team.invite",
  "team.manage",
  "settings.manage",
  "tokens.manage",
  "webhooks.manage",
  "audit.read",
  "outbox.read",
];
/** The candidate's portal, always limited to their own records by the query layer. */
const PORTAL: readonly Permission[] = ["portal.read", "portal.debrief.write", "portal.plan.write"];

/** A recruiter may do every staff thing but the admin's. */
const RECRUITER = PERMISSIONS.filter((p) => !ADMIN_ONLY.includes(p) && !PORTAL.includes(p));

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  recruiter: new Set(RECRUITER),
  admin: new Set<Permission>([...RECRUITER, ...ADMIN_ONLY]),
  candidate: new Set<Permission>([...PORTAL, "account.manage"]),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isStaff(role: Role): boolean {
  return role === "admin" || role === "recruiter";
}

