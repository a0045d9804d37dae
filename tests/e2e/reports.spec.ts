import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { createFirm, expectAccessible } from "./support";
import { ReportsPage } from "./pages/reports-page";
import { SignInPage } from "./pages/sign-in-page";

test("a recruiter filters the report, sees the charts and downloads the rows as CSV and XLSX", async ({ page, request }) => {
  const firm = await createFirm(request, "reports");
  await new SignInPage(page).signIn(firm.recruiter.email, firm.password);
  const reports = new ReportsPage(page);
  await reports.goto();
  await expectAccessible(page);

  await reports.filter({ client: `Client of ${firm.slug}`, stage: "Interviewing", dates: "Interview date" });
  await expect(page).toHaveURL(new RegExp(`/reports\\?dates=interview&client=${firm.clientId}&stage=interviewing$`));
  await expect(reports.chart(/Bar chart of applications by the furthest stage reached: Sourced 1, Submitted 1, Interviewing 1, Offer 0, Placed 0/)).toBeVisible();
  await expect(reports.chart(/Bar chart of interviews per week over 1 weeks: 1 in all/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Funnel numbers" }).getByRole("row", { name: /Interviewing 1/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "By recruiter", exact: true }).getByRole("rowheader", { name: firm.recruiter.name })).toBeVisible();
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  await expectAccessible(page);

  const csv = await reports.download("applications", "CSV");
  expect(csv.name).toMatch(new RegExp(`^${firm.slug}-applications-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.csv$`));
  const [header, ...rows] = parse(csv.bytes, { bom: true }) as string[][];
  expect(header!.slice(0, 4)).toEqual(["application_id", "candidate", "client", "job"]);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.slice(0, 6)).toEqual([firm.applicationId, "Cora Candidate", `Client of ${firm.slug}`, "Platform Engineer", firm.recruiter.name, "interviewing"]);

  const xlsx = await reports.download("interviews", "XLSX");
  expect(xlsx.name).toMatch(/-interviews-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.rowCount).toBe(2);
  expect(sheet.getRow(2).getCell(1).value).toBe(firm.interviewId);
  expect(sheet.getRow(2).getCell(3).value).toBe("Cora Candidate");
  expect(sheet.getRow(2).getCell(10).value).toBeInstanceOf(Date);
  expect(workbook.creator).toContain(firm.recruiter.email);
});

test("bad filters get a message next to the field, and an empty selection downloads a header-only file", async ({ page, request }) => {
  const firm = await createFirm(request, "reports-bad");
  await new SignInPage(page).signIn(firm.recruiter.email, firm.password);
  const reports = new ReportsPage(page);
  await reports.goto("?from=2026-03-01&to=2026-02-01");
  await expect(reports.fieldError("to")).toHaveText("The end date is before the start date.");
  await expect(page.getByLabel("To", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("These filters cannot be applied")).toBeVisible();
  await expectAccessible(page);

  await reports.goto("?client=01900000-0000-7000-8000-000000000000");
  await expect(reports.fieldError("client")).toHaveText("That client is not one of this firm's.");

  await reports.goto("?stage=withdrawn");
  await expect(page.getByRole("heading", { name: "No applications or interviews match these filters" })).toBeVisible();
  await expectAccessible(page);
  const csv = await reports.download("applications", "CSV");
  expect(csv.bytes.toString("utf8").split("\r\n")).toEqual([expect.stringMatching(/^application_id,candidate,/), ""]);
});

test("an admin creates an API token, a BI tool reads the pipeline with it, and a revoked token stops working", async ({ page, request, baseURL }) => {
  const firm = await createFirm(request, "reports-api");
  await new SignInPage(page).signIn(firm.admin.email, firm.password);
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "No tokens yet" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Name").fill("Looker");
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenField = page.getByLabel("The new token");
  await expect(tokenField).toHaveValue(/^afv_/);
  const token = await tokenField.inputValue();
  await expect(page.getByText(`curl -H "Authorization: Bearer ${token}"`)).toBeVisible();
  await expectAccessible(page);

  const api = await request.get(`${baseURL}/api/v1/pipeline?report=interviews`, { headers: { authorization: `Bearer ${token}` } });
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { data: { interview_id: string }[]; next_cursor: string | null };
  expect(body.data.map((r) => r.interview_id)).toEqual([firm.interviewId]);
  const csv = await request.get(`${baseURL}/api/v1/pipeline.csv`, { headers: { authorization: `Bearer ${token}` } });
  expect(csv.status()).toBe(200);
  expect(parse(await csv.body()) as string[][]).toHaveLength(2);

  await page.reload();
  await expect(page.getByRole("cell", { name: "Looker", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: token.slice(0, 10) + "…" })).toBeVisible();
  await page.getByRole("button", { name: "Revoke the token Looker" }).click();
  await page.getByRole("button", { name: "Yes, revoke the token Looker" }).click();
  await expect(page.getByText(/^Revoked/)).toBeVisible();
  const refused = await request.get(`${baseURL}/api/v1/pipeline`, { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
});
