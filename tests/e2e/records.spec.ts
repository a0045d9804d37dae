import { expect, test } from "@playwright/test";
import { createFirm, expectAccessible } from "./support";
import { SignInPage } from "./pages/sign-in-page";
import { BoardPage, RecordFormPage, TimelinePage } from "./pages/records-pages";

/**
 * The recruiter's book of business, end to end: a client and its contact, a
 * job, a candidate, put forward, an interview scheduled in the firm's time
 * zone, the application moved on the board by keyboard, and all of it on the
 * candidate's timeline. axe checks every page on the way.
 */
test("a recruiter runs a candidate from a new client's job to an offer", async ({ page, request }) => {
  test.setTimeout(300_000);
  const firm = await createFirm(request, "records");
  const form = new RecordFormPage(page);
  await new SignInPage(page).signIn(firm.recruiter.email, firm.password);

  // A client
  await page.goto("/clients");
  await expect(page.getByRole("heading", { name: "Clients", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "New client" }).click();
  await expect(page).toHaveURL(/\/clients\/new$/);
  await expectAccessible(page);
  await form.submit("Create client");
  await expect(form.fieldError("name")).toContainText("Enter the client's name");
  await form.fill({ Name: "Acme Analytics", Industry: "Data", Website: "acme-analytics.example" });
  await form.submit("Create client");
  await expect(page.getByRole("heading", { name: "Acme Analytics", level: 1 })).toBeVisible();
  await expect(page.getByText("Client created.")).toBeVisible();
  await expectAccessible(page);
  const clientUrl = page.url();

  // A contact at the client
  await page.getByRole("link", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: "New contact at Acme Analytics" })).toBeVisible();
  await expectAccessible(page);
  await form.fill({ Name: "Hana Hiring", Title: "Head of Data", Email: "hana@acme-analytics.example" });
  await form.submit("Add contact");
  await expect(page.getByRole("heading", { name: "Hana Hiring", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.goto("/contacts");
  await expect(page.getByRole("link", { name: "Hana Hiring" })).toBeVisible();
  await expectAccessible(page);

  // A job at the client
  await page.goto(clientUrl);
  await page.getByRole("link", { name: "New job" }).click();
  await expect(page.getByRole("heading", { name: "New job at Acme Analytics" })).toBeVisible();
  await expectAccessible(page);
  await form.fill({ Title: "Data Platform Lead", Location: "Boston, MA" });
  await form.submit("Create job");
  await expect(page.getByRole("heading", { name: /Data Platform Lead/, level: 1 })).toBeVisible();
  const jobUrl = page.url();
  await expectAccessible(page);

  // A candidate: an email already in the firm is refused next to the field, with a link to that record
  await page.goto("/candidates/new");
  await expectAccessible(page);
  await form.fill({ Name: "Rosa Ruiz", Email: `cora@${firm.slug}.example` });
  await form.submit("Add candidate");
  await expect(form.fieldError("email")).toContainText("Cora Candidate already has this email address");
  await expect(page.getByRole("link", { name: "Open Cora Candidate's record" })).toHaveAttribute("href", `/candidates/${firm.candidateId}`);
  await expect(form.field("Name")).toHaveValue("Rosa Ruiz");
  await expectAccessible(page);
  await form.fill({ Email: "rosa.ruiz@example.com" });
  await form.submit("Add candidate");
  await expect(page.getByRole("heading", { name: "Rosa Ruiz", level: 1 })).toBeVisible();
  const candidateUrl = page.url();
  await expectAccessible(page);

  // On the job's page a search finds whom to put forward (a big firm's menu lists only the first 100 by name)
  await page.goto(jobUrl);
  const find = page.getByRole("search", { name: "Find a candidate to put forward" });
  await find.getByLabel("Find a candidate").fill("rosa.ruiz");
  await find.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/\?find=rosa\.ruiz$/);
  await expect(page.getByText("1 candidate matching “rosa.ruiz” who is not on this job yet.")).toBeVisible();
  await expect(form.field("Candidate").locator("option")).toHaveText(["Choose a candidate…", "Rosa Ruiz"]);
  await find.getByLabel("Find a candidate").fill("nobody by this name");
  await find.getByRole("button", { name: "Find" }).click();
  await expect(page.getByText("Find another name, or clear the search.")).toBeVisible();
  await expectAccessible(page);
  await page.goto(candidateUrl);

  // Put forward for the job
  await form.field("Job").selectOption({ label: "Data Platform Lead — Acme Analytics" });
  await page.getByRole("button", { name: "Put forward" }).click();
  await expect(page.getByText("Put forward. The application is on the board.")).toBeVisible();
  const applications = page.getByRole("region", { name: /Applications/ });
  await expect(applications.getByRole("link", { name: "Data Platform Lead", exact: true })).toBeVisible();

  // Schedule an interview: an end before the start is refused next to the end time
  await applications.getByRole("link", { name: /Schedule interview/ }).click();
  await expect(page.getByRole("heading", { name: "Schedule an interview for Rosa Ruiz" })).toBeVisible();
  await expect(page.getByText(/Times in America\/New_York/)).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Kind of interview").selectOption({ label: "Onsite" });
  await page.getByLabel("Day").fill("2031-05-06");
  await page.getByLabel("Starts").fill("10:00");
  await page.getByLabel("Ends").fill("09:00");
  await page.getByLabel("Place").fill("Acme HQ, 4th floor");
  await page.getByLabel(/Hana Hiring/).check();
  await page.getByRole("button", { name: "Schedule interview" }).click();
  await expect(form.fieldError("endTime")).toContainText("ends before it starts");
  await expect(page.getByLabel("Ends")).toBeFocused();
  await expect(page.getByLabel(/Hana Hiring/)).toBeChecked();
  await page.getByLabel("Ends").fill("11:30");
  await page.getByRole("button", { name: "Schedule interview" }).click();
  await expect(page.getByRole("heading", { name: /Onsite interview: Rosa Ruiz/ })).toBeVisible();
  // Entered as New York wall-clock time, shown the same way (EDT in May).
  await expect(page.getByText("Tue 6 May 2031, 10:00–11:30 EDT").first()).toBeVisible();
  await expect(page.locator("#debrief-and-feedback")).toBeVisible();
  await expectAccessible(page);
  const ics = await page.request.get(`${new URL(page.url()).pathname.replace("/interviews/", "/api/interviews/")}/ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(await ics.text()).toContain("DTSTART:20310506T140000Z");

  // The board: scheduling moved Rosa to Interviewing; move her to Offer by keyboard
  await page.goto(jobUrl);
  const board = new BoardPage(page);
  await expect(board.column("Interviewing").getByRole("link", { name: "Rosa Ruiz", exact: true })).toBeVisible();
  await expectAccessible(page);
  await board.moveByKeyboard("Rosa Ruiz", "Offer");
  await expect(board.column("Offer").getByRole("link", { name: "Rosa Ruiz", exact: true })).toBeVisible();
  await expect(board.column("Interviewing").getByRole("link", { name: "Rosa Ruiz", exact: true })).toHaveCount(0);

  // Withdrawn needs a reason
  await page.goto(`/jobs/${firm.jobId}`);
  await board.moveByKeyboard("Cora Candidate", "Withdrawn", "");
  await expect(board.card("Cora Candidate").getByText("Say why the candidate withdrew.")).toBeVisible();
  await board.moveByKeyboard("Cora Candidate", "Withdrawn", "Accepted a counter-offer");
  await expect(board.column("Withdrawn").getByText("Accepted a counter-offer")).toBeVisible();

  // Everything on the candidate's timeline
  await page.goto(candidateUrl);
  const timeline = new TimelinePage(page);
  await timeline.expectEntry("stage", /Put forward as\s*Sourced/);
  await timeline.expectEntry("stage", /Moved\s*Sourced\s*to\s*Interviewing/);
  await timeline.expectEntry("interview", /Onsite interview/);
  await timeline.expectEntry("stage", /Moved\s*Interviewing\s*to\s*Offer/);
  await expect(applications.getByText("Offer", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The lists
  for (const path of ["/jobs", "/jobs/pipeline", "/interviews", "/candidates?q=Rosa"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }
  await expect(page.getByRole("link", { name: "Rosa Ruiz" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(2);
});

test("lists keep search, sort and page in the URL", async ({ page, request }) => {
  const firm = await createFirm(request, "records-list");
  await new SignInPage(page).signIn(firm.recruiter.email, firm.password);
  await page.goto("/clients");
  await page.getByRole("searchbox", { name: "Search clients" }).fill("Client of");
  await page.getByRole("searchbox", { name: "Search clients" }).press("Enter");
  await expect(page).toHaveURL(/\/clients\?q=Client\+of$/);
  await expect(page.getByRole("link", { name: `Client of ${firm.slug}` })).toBeVisible();
  // A search without a chosen order is ranked; a header link pages the matches by that column instead.
  await expect(page.getByText("Ranked by relevance to “Client of”: the closest matches first.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Clients, ranked by relevance to “Client of”" })).toBeVisible();
  await page.getByRole("link", { name: /^Added/ }).click();
  await expect(page).toHaveURL(/sort=created/);
  await expect(page.getByRole("columnheader", { name: /Added/ })).toHaveAttribute("aria-sort", /descending|ascending/);
  await page.getByLabel("Show").selectOption("archived");
  await expect(page).toHaveURL(/status=archived/);
  await expect(page.getByRole("heading", { name: "No clients match" })).toBeVisible();
  await expect(page.getByText("Nothing matches “Client of”.")).toBeVisible();
  await expectAccessible(page);
});

test("the pipeline lists a client's jobs in its job filter and sorts by header link", async ({ page, request }) => {
  const firm = await createFirm(request, "records-pipeline");
  await new SignInPage(page).signIn(firm.recruiter.email, firm.password);
  await page.goto("/jobs/pipeline");
  const job = page.getByLabel("Job", { exact: true });
  // A big firm has thousands of jobs: the job filter waits for a client.
  await expect(job.locator("option")).toHaveText(["Choose a client first"]);
  await expect(job).toBeDisabled();
  await page.getByLabel("Client", { exact: true }).selectOption({ label: `Client of ${firm.slug}` });
  await expect(page).toHaveURL(/client=/);
  await expect(job).toBeEnabled();
  await expect(job.locator("option")).toHaveText(["All jobs", `Platform Engineer (Client of ${firm.slug})`]);
  await job.selectOption({ label: `Platform Engineer (Client of ${firm.slug})` });
  await expect(page).toHaveURL(/job=/);
  await expect(page.getByRole("link", { name: "Cora Candidate" })).toBeVisible();

  // Sorting is a header link that keeps the filters.
  await page.getByRole("columnheader", { name: /Candidate/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=candidate&dir=asc/);
  await expect(page).toHaveURL(/job=/);
  await expect(page.getByRole("columnheader", { name: /Candidate/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("columnheader", { name: /In stage since/ })).toHaveAttribute("aria-sort", "none");
  await expectAccessible(page);
});

test("a big firm's client menus list the first 100 and find the others as one types", async ({ page, request }) => {
  // 120 "Bulk client" names sort before the firm's own "Client of …", which the menus then do not list.
  const firm = await createFirm(request, "records-menus", { extraClients: 120 });
  await new SignInPage(page).signIn(firm.recruiter.email, firm.password);
  const own = `Client of ${firm.slug}`;

  await page.goto("/jobs/pipeline");
  const client = page.getByLabel("Client", { exact: true });
  await expect(client.locator("option")).toHaveCount(101);
  await expect(client.locator("option", { hasText: own })).toHaveCount(0);
  const find = page.getByRole("searchbox", { name: "Find a client" });
  await find.fill("client of");
  await expect(page.getByText("1 client matching “client of” listed in the menu; Enter picks the first.")).toBeVisible();
  await expect(client.locator("option")).toHaveText(["All clients", own]);
  await expectAccessible(page);
  // Enter picks it and applies the filter.
  await find.press("Enter");
  await expect(page).toHaveURL(/client=/);
  await expect(page.getByLabel("Client", { exact: true })).toHaveValue(firm.clientId);
  await expect(page.getByLabel("Job", { exact: true })).toBeEnabled();
  await expect(page.getByRole("link", { name: "Cora Candidate" })).toBeVisible();
  // The chosen client stays listed though the first 100 do not include it.
  await expect(page.getByLabel("Client", { exact: true }).locator("option", { hasText: own })).toHaveCount(1);

  // A new job at a client past the first 100: find it, choose it, and the job is made there.
  const form = new RecordFormPage(page);
  await page.goto("/jobs/new");
  await page.getByRole("searchbox", { name: "Find a client" }).fill("bulk client 119");
  await expect(page.getByText("1 client matching “bulk client 119” listed in the menu; Enter picks the first.")).toBeVisible();
  await form.field("Client").selectOption({ label: "Bulk client 119" });
  await form.fill({ Title: "Night Porter" });
  await form.submit("Create job");
  await expect(page.getByRole("heading", { name: "Night Porter", level: 1 })).toBeVisible();
  await expect(page.getByText("Job created.")).toBeVisible();
  await expect(page.getByText(`Bulk client 119 · Owner: ${firm.recruiter.name}`)).toBeVisible();

  // A search that finds nothing says so, and the menu keeps what was chosen.
  await page.goto("/jobs/new");
  await page.getByRole("searchbox", { name: "Find a client" }).fill("no such client anywhere");
  await expect(page.getByText("No client matches “no such client anywhere”.")).toBeVisible();
  await expect(form.field("Client").locator("option")).toHaveText(["Choose a client…"]);
  await expectAccessible(page);
});
