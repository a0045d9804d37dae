import { checkReportUnsubscribeLink, unsubscribeFromReportEmail } from "@/lib/jobs/report-unsubscribe";

/**
 * The one-click unsubscribe of a scheduled report email (RFC 8058).
 * - GET shows what the link will do and a button: mail scanners and link
 *   previews open links, and must not unsubscribe anyone by doing so.
 * - POST stops the email: the button, or a mail client's one-click
 *   unsubscribe (`List-Unsubscribe=One-Click` to the List-Unsubscribe address).
 * A malformed or forged link is a plain 400 page. No session is needed: the
 * signed link names the firm, the subscription and its subscriber.
 */

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Afterview</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; padding: 3rem 1rem; color: #1f2328; background: #fafafa; }
  main { max-width: 28rem; margin: 0 auto; }
  h1 { font-size: 1.4rem; }
  button { font: inherit; padding: 0.5rem 1rem; border-radius: 0.375rem; border: 1px solid #1f2328; background: #1f2328; color: #fff; cursor: pointer; }
  button:focus-visible, a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } button { background: #eee; color: #111; border-color: #eee; } a { color: #93c5fd; } }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;
  return new Response(html, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

function invalid(): Response {
  return page(
    400,
    "This link does not work",
    "<p>This unsubscribe link is not valid. Copy the whole link from the email, or stop the email on the reports page after signing in.</p>",
  );
}

export async function GET(_request: Request, { params }: Params) {
  const { token } = await params;
  if (!checkReportUnsubscribeLink(token)) return invalid();
  return page(
    200,
    "Stop this report email?",
    `<p>You get this report by email on the schedule you chose. Your other report emails are not affected.</p>
<form method="post" action="/unsubscribe/reports/${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Stop this email</button>
</form>`,
  );
}

export async function POST(_request: Request, { params }: Params) {
  const { token } = await params;
  const result = await unsubscribeFromReportEmail(token);
  if (result === "invalid") return invalid();
  return page(
    200,
    "Report email stopped",
    `<p>You will get no more of this report by email. The report is still on the <a href="/reports">reports page</a>, where you can set up another.</p>`,
  );
}
