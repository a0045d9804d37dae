import { describe, expect, it } from "vitest";
import { findApplications } from "@/db/queries/applications";
import { findCandidates } from "@/db/queries/candidates";
import { findClients } from "@/db/queries/clients";
import { findContacts } from "@/db/queries/contacts";
import { findInterviews } from "@/db/queries/interviews";
import { findJobs } from "@/db/queries/jobs";
import {
  applicationListSchema,
  candidateListSchema,
  clientListSchema,
  contactListSchema,
  interviewListSchema,
  jobListSchema,
} from "@/lib/core/validation/records";
import { encodeCursor } from "@/lib/core/validation/cursor";
import { useFirm } from "../helpers/firms";
import { scopeOf } from "../helpers/fixtures";

/**
 * A list page's cursor is in its URL, so anyone can edit it. One that decodes
 * but whose sort key is not a value of the sorted column (a date that is not
 * a date, a NUL byte) starts from the first page instead of failing the query.
 */
const BAD_KEYS = ["not a date", "2026-13-45 99:99:99+00", "2026-02-30 10:00:00+00", "1e309", "", "\u0000", "a\u0000b", "9".repeat(400)];
const ID = "01900000-0000-7000-8000-000000000000";

describe("list pages with a malformed cursor", () => {
  const { database, firm: a } = useFirm("cursor");

  const lists = [
    { name: "clients", schema: clientListSchema, find: findClients, sorts: ["name", "created", "updated"] },
    { name: "contacts", schema: contactListSchema, find: findContacts, sorts: ["name", "client", "created"] },
    { name: "jobs", schema: jobListSchema, find: findJobs, sorts: ["title", "client", "created", "updated"] },
    { name: "candidates", schema: candidateListSchema, find: findCandidates, sorts: ["name", "created", "updated"] },
    { name: "applications", schema: applicationListSchema, find: findApplications, sorts: ["moved", "created", "candidate"] },
    { name: "interviews", schema: interviewListSchema, find: findInterviews, sorts: [undefined] },
  ] as const;

  for (const list of lists) {
    it(`${list.name}: answers the first page, never a database error`, async () => {
      const scope = scopeOf(database.current.db, a, a.admin);
      const find = list.find as (s: typeof scope, f: object) => Promise<{ rows: { id: string }[]; total: number; next: unknown }>;
      for (const sort of list.sorts) {
        for (const when of list.name === "interviews" ? ["upcoming", "past"] : [undefined]) {
          const base = (list.schema as { parse: (v: unknown) => object }).parse({ sort, when });
          const first = await find(scope, base);
          // A cursor the list wrote itself still pages on, for text and time keys alike.
          const one = await find(scope, { ...base, limit: 1 });
          if (first.total >= 2) {
            expect(one.next, `${list.name} sort=${sort}`).toBeTruthy();
            const two = await find(scope, { ...base, limit: 1, cursor: one.next });
            expect(two.rows[0]?.id).toBeTruthy();
            expect(two.rows[0]?.id).not.toBe(one.rows[0]?.id);
          }
          for (const v of BAD_KEYS) {
            for (const d of ["n", "p"] as const) {
              const params = (list.schema as { parse: (v: unknown) => { cursor: unknown } }).parse({
                sort,
                when,
                cursor: encodeCursor({ v, id: ID, d }),
              });
              const page = await find(scope, params);
              expect(page.total, `${list.name} sort=${sort} v=${JSON.stringify(v)}`).toBe(first.total);
            }
          }
        }
      }
    });
  }
});
