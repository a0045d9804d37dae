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

const RECRUITER: Permission[] = [
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
  "account.manage",
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  recruiter: new Set(RECRUITER),
  admin: new Set<Permission>([
    ...RECRUITER,
    "candidates.erase",
    "team.invite",
    "team.manage",
    "settings.manage",
    "tokens.manage",
    "audit.read",
    "outbox.read",
  ]),
  candidate: new Set<Permission>(["portal.read", "portal.debrief.write", "portal.plan.write", "account.manage"]),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isStaff(role: Role): boolean {
  return role === "admin" || role === "recruiter";
}

