import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import WebhooksPage from "@/app/(staff)/settings/webhooks/page";
import { signedInAs } from "../helpers/context";
import { useTwoFirms } from "../helpers/firms";
import { sessionFor } from "../helpers/fixtures";
import { addWebhookRecords } from "../helpers/webhooks";

/** The settings page as an admin sees it: the form, each endpoint with its state and its delivery log. */
describe("Settings → Webhooks", () => {
  const { db, firms: { a } } = useTwoFirms({ requests: true });

  it("lists the firm's endpoints with their delivery log, and labels every control", async () => {
    await addWebhookRecords(db(), a);
    signedInAs(await sessionFor(db(), a, a.admin));
    const html = renderToStaticMarkup(await WebhooksPage());
    signedInAs(null);
    expect(html).toContain("https://hooks.example/afterview");
    expect(html).toContain("Endpoints (1)");
    expect(html).toContain("application.stage_changed");
    expect(html).toContain("HTTP 500");
    expect(html).toContain(">Failed<");
    expect(html).toMatch(/<label[^>]*for="url"/);
    expect(html).toMatch(/<legend[^>]*>Events/);
    expect(html).toMatch(/<input[^>]*id="event-task.overdue"[^>]*name="events"|<input[^>]*name="events"[^>]*id="event-task.overdue"/);
    expect(html).toContain('aria-label="Redeliver the application.stage_changed message');
    expect(html).toContain('aria-label="Rotate the signing secret of https://hooks.example/afterview"');
    // Nothing of the secret is on the page.
    expect(html).not.toMatch(/whsec_|v1:/);
  });

  it("is not found for a recruiter", async () => {
    signedInAs(await sessionFor(db(), a, a.recruiter));
    await expect(WebhooksPage()).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404/) });
    signedInAs(null);
  });
});
