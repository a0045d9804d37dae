import { beforeAll, describe, expect, it } from "vitest";
import { GET as menuGet } from "@/app/api/menus/[kind]/route";
import { listClientOptions } from "@/db/queries/clients";
import { listOwnerOptions, staffName } from "@/db/queries/jobs";
import { MENU_LIMIT } from "@/db/queries/menus";
import { listReportFilterOptions } from "@/db/queries/reports";
import * as s from "@/db/schema";
import { signedInAs, useDatabaseForRequests } from "../helpers/context";
import { useTwoFirms } from "../helpers/firms";
import { scopeOf, sessionFor } from "../helpers/fixtures";

/*
 * The client and staff menus of forms and filters list the first 100 by name
 * and say when there are more; the chosen one is listed wherever it falls;
 * the find box's endpoint finds anyone else, closest first. Only ever the
 * signed-in person's own firm.
 */
describe("the client and staff menus", () => {
  const { database, db, firms: { a, b } } = useTwoFirms({ names: ["menus", "menus-other"] });
  const pad = (i: number) => String(i).padStart(3, "0");
  let lastClient = "";
  let archivedClient = "";
  let lastStaff = "";
  let formerStaff = "";

  beforeAll(async () => {
    useDatabaseForRequests(database.current);
    const clients = await db()
      .insert(s.clients)
      .values(Array.from({ length: MENU_LIMIT + 5 }, (_, i) => ({ firmId: a.firmId, name: `Zenith Client ${pad(i)}`, industry: i === 42 ? "Shipbuilding" : "" })))
      .returning({ id: s.clients.id, name: s.clients.name });
    lastClient = clients.find((c) => c.name === `Zenith Client ${pad(MENU_LIMIT + 4)}`)!.id;
    const [archived] = await db().insert(s.clients).values({ firmId: a.firmId, name: "Aardvark Archived", archivedAt: new Date() }).returning({ id: s.clients.id });
    archivedClient = archived!.id;

    const people = await db()
      .insert(s.users)
      .values(Array.from({ length: MENU_LIMIT + 3 }, (_, i) => ({ email: `zoe.staff.${i}@menus.example`, name: `Zoe Staff ${pad(i)}` })))
      .returning({ id: s.users.id, name: s.users.name });
    await db().insert(s.memberships).values(people.map((p, i) => ({ firmId: a.firmId, userId: p.id, role: i % 2 ? ("admin" as const) : ("recruiter" as const) })));
    lastStaff = people.find((p) => p.name === `Zoe Staff ${pad(MENU_LIMIT + 2)}`)!.id;
    const [former] = await db().insert(s.users).values({ email: "alf.former@menus.example", name: "Alf Former" }).returning({ id: s.users.id });
    await db().insert(s.memberships).values({ firmId: a.firmId, userId: former!.id, role: "recruiter", status: "deactivated" });
    formerStaff = former!.id;
  });

  it("lists the first clients by name, says there are more, and lists the chosen one wherever it falls", async () => {
    const recruiter = scopeOf(db(), a, a.recruiter);
    const first = await listClientOptions(recruiter);
    expect(first.items).toHaveLength(MENU_LIMIT);
    expect(first.more).toBe(true);
    const names = first.items.map((c) => c.name);
    expect(names).toEqual([...names].sort((x, y) => x.toLowerCase().localeCompare(y.toLowerCase())));
    expect(first.items.map((c) => c.id)).not.toContain(lastClient);
    expect(first.items.map((c) => c.id)).not.toContain(archivedClient);

    // A job of the last client, or a filter by it, keeps it in the menu (first, with its name).
    const chosen = await listClientOptions(recruiter, { include: [lastClient, "not-an-id", null] });
    expect(chosen.items[0]).toMatchObject({ id: lastClient, name: `Zenith Client ${pad(MENU_LIMIT + 4)}` });
    expect(chosen.items).toHaveLength(MENU_LIMIT + 1);

    // A search finds it, and an archived client only when archived ones are asked for.
    expect((await listClientOptions(recruiter, { q: `client ${pad(MENU_LIMIT + 4)}` })).items.map((c) => c.id)).toEqual([lastClient]);
    expect((await listClientOptions(recruiter, { q: "SHIPBUILDING" })).items.map((c) => c.name)).toEqual(["Zenith Client 042"]);
    expect((await listClientOptions(recruiter, { q: "aardvark" })).items).toEqual([]);
    expect((await listClientOptions(recruiter, { q: "aardvark", archived: true })).items.map((c) => c.id)).toEqual([archivedClient]);

    // Another firm's recruiter finds none of them, searched for or named.
    const other = scopeOf(db(), b, b.recruiter);
    const foreign = await listClientOptions(other, { q: "zenith", include: [lastClient, archivedClient] });
    expect(foreign).toEqual({ items: [], more: false });
  });

  it("lists the first staff by name, finds the rest by name or email, and people who left only when asked", async () => {
    const recruiter = scopeOf(db(), a, a.recruiter);
    const first = await listOwnerOptions(recruiter);
    expect(first.items).toHaveLength(MENU_LIMIT);
    expect(first.more).toBe(true);
    expect(first.items.map((p) => p.id)).not.toContain(lastStaff);
    expect(first.items.map((p) => p.id)).not.toContain(formerStaff);

    expect((await listOwnerOptions(recruiter, { include: lastStaff })).items[0]).toEqual({ id: lastStaff, name: `Zoe Staff ${pad(MENU_LIMIT + 2)}` });
    expect((await listOwnerOptions(recruiter, { q: `staff ${pad(MENU_LIMIT + 2)}` })).items.map((p) => p.id)).toEqual([lastStaff]);
    expect((await listOwnerOptions(recruiter, { q: `zoe.staff.${MENU_LIMIT + 2}@` })).items.map((p) => p.id)).toEqual([lastStaff]);
    expect((await listOwnerOptions(recruiter, { q: "alf" })).items).toEqual([]);
    expect((await listOwnerOptions(recruiter, { q: "alf", former: true })).items.map((p) => p.id)).toEqual([formerStaff]);
    // A saved change names a former owner; another firm never learns a name.
    expect(await staffName(recruiter, formerStaff)).toBe("Alf Former");
    expect(await staffName(scopeOf(db(), b, b.recruiter), lastStaff)).toBeNull();
    expect((await listOwnerOptions(scopeOf(db(), b, b.recruiter), { q: "zoe", include: lastStaff, former: true })).items).toEqual([]);
  });

  it("the reports' menus list archived clients and people who left, and every one a filter or saved email names", async () => {
    const admin = scopeOf(db(), a, a.admin);
    const options = await listReportFilterOptions(admin, { clientIds: [lastClient], recruiterIds: [lastStaff, formerStaff] });
    expect(options.moreClients).toBe(true);
    expect(options.moreRecruiters).toBe(true);
    const clientIds = options.clients.map((c) => c.id);
    // The client a saved email names comes first; "Aardvark Archived" is listed though archived.
    expect(clientIds[0]).toBe(lastClient);
    expect(clientIds).toContain(archivedClient);
    expect(options.recruiters.map((r) => r.id)).toEqual(expect.arrayContaining([lastStaff, formerStaff]));
  });

  it("answers the find box with the closest matches as JSON, and refuses what it should", async () => {
    const ask = (kind: string, query: string) => menuGet(new Request(`http://app.test/api/menus/${kind}?${query}`), { params: Promise.resolve({ kind }) });

    signedInAs(await sessionFor(db(), a, a.recruiter));
    const found = await ask("clients", `q=${encodeURIComponent(`client ${pad(MENU_LIMIT + 4)}`)}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ options: [{ value: lastClient, label: `Zenith Client ${pad(MENU_LIMIT + 4)}` }], more: false });
    const archived = await ask("clients", "q=aardvark&all=1");
    expect(await archived.json()).toEqual({ options: [{ value: archivedClient, label: "Aardvark Archived (archived)" }], more: false });
    const many = await ask("staff", "q=zoe");
    const body = (await many.json()) as { options: { value: string; label: string }[]; more: boolean };
    expect(body.options).toHaveLength(MENU_LIMIT);
    expect(body.more).toBe(true);

    // Bad input: a clear message and a 400, never a 500.
    for (const query of ["", "q=", "q=%20%20", "q=%00", "q=%09%00%7F", `q=${"x".repeat(101)}`, "q=zoe&all=yes"]) {
      const res = await ask("staff", query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error, query).toMatch(/Type|Invalid|option/);
    }
    // Control characters in a term read as absent, in the menus' own search as in the lists'.
    expect(await (await ask("staff", "q=zo%00e")).json()).toEqual(body);
    expect((await ask("candidates", "q=zoe")).status).toBe(404);

    // Another firm's recruiter gets their own firm's matches: none of these.
    signedInAs(await sessionFor(db(), b, b.recruiter));
    expect(await (await ask("clients", "q=zenith")).json()).toEqual({ options: [], more: false });
    expect(await (await ask("staff", "q=zoe&all=1")).json()).toEqual({ options: [], more: false });

    // A candidate may not list the firm's clients or staff; nobody signed out may.
    signedInAs(await sessionFor(db(), a, a.candidateUser));
    expect((await ask("clients", "q=zenith")).status).toBe(404);
    expect((await ask("staff", "q=zoe")).status).toBe(404);
    signedInAs(null);
    expect((await ask("clients", "q=zenith")).status).toBe(401);
  });
});
