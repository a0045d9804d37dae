import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { GroupTable, PromisesTable } from "@/app/(staff)/reports/_components/tables";
import { summarize, type GroupSummary, type PromiseKeeping } from "@/lib/core/reports/metrics";

/** A recruiter row with `applications` applications (and nothing else). */
function group(i: number, applications: number): GroupSummary {
  return { ...summarize([], []), applications, id: `r${i}`, name: `Recruiter ${i}` };
}

const rowNames = (html: string) => [...html.matchAll(/<th scope="row"[^>]*>([^<]+)<\/th>/g)].map((m) => m[1]);

const render = (props: Partial<Parameters<typeof GroupTable>[0]>) =>
  renderToStaticMarkup(
    createElement(GroupTable, { id: "by-recruiter", title: "By recruiter", firstColumn: "Recruiter", noun: "recruiters", groups: [], weeks: 4, ...props }),
  );

/** A big firm has hundreds of recruiters and clients: the tables list the busiest and link to all of them. */
describe("a report's group table", () => {
  // 120 recruiters in name order; recruiter i has (i * 37) % 120 applications, so the busiest are scattered.
  const groups = Array.from({ length: 120 }, (_, i) => group(i, (i * 37) % 120));

  it("lists the 50 with the most applications, says how many there are and links to all", () => {
    const html = render({ groups, limit: 50, allHref: "/reports?all=by-recruiter#by-recruiter-heading" });
    const names = rowNames(html);
    expect(names).toHaveLength(50);
    const busiest = [...groups].sort((a, b) => b.applications - a.applications).slice(0, 50).map((g) => g.name);
    expect(names).toEqual(busiest);
    expect(html).toContain("The 50 recruiters with the most applications, of 120.");
    expect(html).toContain('href="/reports?all=by-recruiter#by-recruiter-heading"');
    expect(html).toContain("List all 120 recruiters");
  });

  it("lists every row, in their own order, when asked for all or when there are no more than the limit", () => {
    const all = rowNames(render({ groups }));
    expect(all).toEqual(groups.map((g) => g.name));
    const few = groups.slice(0, 30);
    const html = render({ groups: few, limit: 50, allHref: "/reports?all=by-recruiter" });
    expect(rowNames(html)).toEqual(few.map((g) => g.name));
    expect(html).not.toContain("List all");
  });

  it("lists the 50 clients with the most promised dates in the promises table, leaving out clients with none", () => {
    const client = (i: number, promised: number) =>
      ({ clientId: `c${i}`, client: `Client ${i}`, promised, kept: promised, late: 0, overdue: 0, pending: 0, keptRate: 1, medianDaysVsPromise: 0 }) as PromiseKeeping;
    const clients = Array.from({ length: 90 }, (_, i) => client(i, i % 3 === 0 ? 0 : i));
    const html = renderToStaticMarkup(createElement(PromisesTable, { clients, limit: 50, allHref: "/reports?all=promises#promises-heading" }));
    const names = rowNames(html);
    expect(names).toHaveLength(50);
    expect(names[0]).toBe("Client 89");
    expect(names).not.toContain("Client 0");
    expect(html).toContain("The 50 clients with the most promised decision dates, of 60.");
    expect(html).toContain("List all 60 clients");
    const all = rowNames(renderToStaticMarkup(createElement(PromisesTable, { clients })));
    expect(all).toHaveLength(60);
  });
});
