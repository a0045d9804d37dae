import type { Db } from "@/db/client";
import type { QueryScope } from "@/db/queries/scope";
import type { TestFirm } from "../helpers/fixtures";

export interface IsolationContext {
  db: Db;
  /** The victim firm: its ids are what firm B's scope tries to reach. */
  a: TestFirm;
  b: TestFirm;
  /** Firm B's scopes. */
  bAdmin: QueryScope;
  bRecruiter: QueryScope;
  bCandidate: QueryScope;
}

/**
 * For each export of a db/queries module: the arguments to call it with, as
 * firm B, aimed at firm A's records. The call must read nothing of firm A and
 * change nothing of firm A. `expect` overrides "empty" when the export returns
 * something else for "nothing" (e.g. "not_found").
 */
export type IsolationCase = {
  args: (ctx: IsolationContext) => unknown[];
  /** What a call that reached nothing returns; default: null, undefined, false, [] or 0. */
  empty?: (result: unknown) => boolean;
};

export type IsolationCases = Record<string, IsolationCase | "skip: not a query">;
