import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { FilterFieldErrors, ReportFilters } from "@/lib/core/reports/filters";
import { clients, firms, jobs, memberships } from "../../schema";
import { listClientOptions } from "../clients";
import { listOwnerOptions } from "../jobs";
import { type Included, includedIds } from "../menus";
import type { QueryScope } from "../scope";

/** What the reports need to know of the firm, and what their filter menus offer. */

export interface ReportSettings {
  timeZone: string;
  firmName: string;
  firmSlug: string;
}

/** The firm's zone (dates in filters and weeks are on its calendar) and its name for filenames. */
export async function getReportSettings(scope: QueryScope): Promise<ReportSettings | null> {
  const [row] = await scope.db
    .select({ timeZone: firms.timeZone, firmName: firms.name, firmSlug: firms.slug })
    .from(firms)
    .where(eq(firms.id, scope.firmId))
    .limit(1);
  return row ?? null;
}

export interface ReportFilterOptions {
  clients: { id: string; name: string }[];
  jobs: { id: string; title: string; clientName: string }[];
  recruiters: { id: string; name: string }[];
  /** The firm has more clients, or staff, than their menus list (db/queries/menus.ts): a find box finds the others. */
  moreClients: boolean;
  moreRecruiters: boolean;
}

/**
 * What the filter menus offer: the firm's clients and staff (archived ones
 * and people who left too, since old rows name them) up to a menu's length,
 * with every client and recruiter named in `clientIds` and `recruiterIds`
 * (a filter, a saved report email) whatever their place; and the jobs of the
 * chosen client plus any job named in `jobIds`, so a job reads by its title.
 * A big firm has thousands of jobs; a menu of them all was most of the page.
 */
export async function listReportFilterOptions(
  scope: QueryScope,
  want: { clientId?: string; clientIds?: Included; recruiterIds?: Included; jobIds?: readonly (string | undefined)[] } = {},
): Promise<ReportFilterOptions> {
  const clientId = includedIds(want.clientId)[0] ?? null;
  const jobIds = includedIds(want.jobIds ?? []);
  const jobWhere = [clientId ? eq(jobs.clientId, clientId) : undefined, jobIds.length ? inArray(jobs.id, jobIds) : undefined].filter((w) => w !== undefined);
  const [clientMenu, jobRows, staffMenu] = await Promise.all([
    listClientOptions(scope, { archived: true, include: [clientId, ...includedIds(want.clientIds)] }),
    jobWhere.length === 0
      ? Promise.resolve([])
      : scope.db
          .select({ id: jobs.id, title: jobs.title, clientName: clients.name })
          .from(jobs)
          .innerJoin(clients, and(eq(clients.firmId, jobs.firmId), eq(clients.id, jobs.clientId)))
          .where(and(eq(jobs.firmId, scope.firmId), or(...jobWhere)))
          .orderBy(asc(clients.name), asc(jobs.title))
          .limit(2000),
    listOwnerOptions(scope, { former: true, include: want.recruiterIds }),
  ]);
  return {
    clients: clientMenu.items.map(({ id, name }) => ({ id, name })),
    jobs: jobRows,
    recruiters: staffMenu.items,
    moreClients: clientMenu.more,
    moreRecruiters: staffMenu.more,
  };
}

/** Field errors for filter ids that are not this firm's (another firm's id reads as unknown, like any other). */
export async function checkReportFilterIds(scope: QueryScope, filters: ReportFilters): Promise<FilterFieldErrors> {
  const errors: FilterFieldErrors = {};
  const [client, job, recruiter] = await Promise.all([
    filters.client
      ? scope.db
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.firmId, scope.firmId), eq(clients.id, filters.client)))
          .limit(1)
      : null,
    filters.job
      ? scope.db
          .select({ id: jobs.id })
          .from(jobs)
          .where(and(eq(jobs.firmId, scope.firmId), eq(jobs.id, filters.job)))
          .limit(1)
      : null,
    filters.recruiter
      ? scope.db
          .select({ id: memberships.userId })
          .from(memberships)
          .where(
            and(
              eq(memberships.firmId, scope.firmId),
              eq(memberships.userId, filters.recruiter),
              inArray(memberships.role, ["admin", "recruiter"]),
            ),
          )
          .limit(1)
      : null,
  ]);
  if (client && client.length === 0) errors.client = ["That client is not one of this firm's."];
  if (job && job.length === 0) errors.job = ["That job is not one of this firm's."];
  if (recruiter && recruiter.length === 0) errors.recruiter = ["That recruiter is not a member of this firm."];
  return errors;
}
