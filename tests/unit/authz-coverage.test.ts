import { describe, expect, it } from "vitest";
import { discoverActions, discoverPages, discoverRoutes, loadMatrix, ROLES } from "../authz/matrix";

describe("authorization matrix coverage", () => {
  const matrix = loadMatrix();

  it("lists every page under app/", () => {
    const listed = new Set(matrix.pages.map((p) => p.file));
    expect(discoverPages().filter((f) => !listed.has(f))).toEqual([]);
  });

  it("lists every server action under app/", () => {
    const listed = new Set(matrix.actions.map((a) => a.id));
    expect(discoverActions().filter((id) => !listed.has(id))).toEqual([]);
  });

  it("lists every route handler method under app/", () => {
    const listed = new Set(matrix.routes.map((r) => `${r.method} ${r.file}`));
    expect(discoverRoutes().filter((r) => !listed.has(`${r.method} ${r.file}`))).toEqual([]);
  });

  it("names no page, action or route that no longer exists", () => {
    const pages = new Set(discoverPages());
    const actions = new Set(discoverActions());
    const routes = new Set(discoverRoutes().map((r) => `${r.method} ${r.file}`));
    expect(matrix.pages.filter((p) => !pages.has(p.file)).map((p) => p.file)).toEqual([]);
    expect(matrix.actions.filter((a) => !actions.has(a.id)).map((a) => a.id)).toEqual([]);
    expect(matrix.routes.filter((r) => !routes.has(`${r.method} ${r.file}`)).map((r) => r.file)).toEqual([]);
  });

  it("gives every entry an outcome for every kind of caller", () => {
    for (const e of [...matrix.pages, ...matrix.actions, ...matrix.routes]) {
      for (const role of ROLES) expect(e.expect[role], `${JSON.stringify(e).slice(0, 120)} lacks ${role}`).toBeDefined();
    }
  });
});
