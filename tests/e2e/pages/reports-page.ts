import fs from "node:fs";
import { expect, type Page } from "@playwright/test";

/** The reports page: filters in the URL, charts with their tables, downloads with progress. */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/reports${query}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  }

  filters() {
    return this.page.getByRole("form", { name: "Report filters" });
  }

  async filter(values: { dates?: "Application date" | "Interview date"; from?: string; to?: string; client?: string; job?: string; recruiter?: string; stage?: string }) {
    const form = this.filters();
    if (values.dates) await form.getByLabel("Date range applies to").selectOption({ label: values.dates });
    if (values.from !== undefined) await form.getByLabel("From").fill(values.from);
    if (values.to !== undefined) await form.getByLabel("To", { exact: true }).fill(values.to);
    if (values.client) await form.getByLabel("Client").selectOption({ label: values.client });
    if (values.job) await form.getByLabel("Job").selectOption({ label: values.job });
    if (values.recruiter) await form.getByLabel("Recruiter").selectOption({ label: values.recruiter });
    if (values.stage) await form.getByLabel("Stage").selectOption({ label: values.stage });
    await form.getByRole("button", { name: "Apply filters" }).click();
  }

  fieldError(name: string) {
    return this.page.locator(`#${name}-error`);
  }

  chart(name: RegExp) {
    return this.page.getByRole("img", { name });
  }

  /** Clicks a download button and returns the file the browser saved, with its suggested name. */
  async download(report: "applications" | "interviews", format: "CSV" | "XLSX"): Promise<{ name: string; bytes: Buffer }> {
    const waiting = this.page.waitForEvent("download");
    await this.page.getByRole("link", { name: `Download ${report} ${format}` }).click();
    const download = await waiting;
    const file = await download.path();
    await expect(this.page.getByTestId("export-status")).toContainText(/downloaded/);
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
  }
}
