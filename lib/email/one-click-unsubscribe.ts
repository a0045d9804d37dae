/**
 * The one-click unsubscribe pages (RFC 8058) of the emails that carry one:
 * the candidates' plan emails and the scheduled report emails.
 * - GET shows what the link will do and a button: mail scanners and link
 *   previews open links, and must not unsubscribe anyone by doing so.
 * - POST unsubscribes: the button, or a mail client's one-click unsubscribe
 *   (`List-Unsubscribe=One-Click` to the List-Unsubscribe address).
 * A malformed or forged link is a plain 400 page. No session is needed: the
 * signed link names whom it unsubscribes from what.
 */

type Params = { params: Promise<{ token: string }> };

export type OneClickUnsubscribe = {
  /** The path the form posts back to, before the token (e.g. "/unsubscribe/"). */
  basePath: string;
  /** Truthy when the link is well-formed and signed. */
  check: (token: string) => unknown;
  unsubscribe: (token: string) => Promise<"invalid" | string>;
  /** Where a person stops them after signing in, for the invalid-link page ("in your profile"). */
  elsewhere: string;
  ask: { title: string; body: string; button: string; after?: string };
  done: { title: string; body: string };
};

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

/** The GET and POST handlers of one kind of email's unsubscribe link. Texts are HTML the caller wrote (no user input). */
export function oneClickUnsubscribe(opts: OneClickUnsubscribe) {
  const invalid = () =>
    page(400, "This link does not work", `<p>This unsubscribe link is not valid. Copy the whole link from the email, or ${opts.elsewhere} after signing in.</p>`);
  return {
    async GET(_request: Request, { params }: Params) {
      const { token } = await params;
      if (!opts.check(token)) return invalid();
      return page(
        200,
        opts.ask.title,
        `${opts.ask.body}
<form method="post" action="${opts.basePath}${escapeHtml(encodeURIComponent(token))}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(opts.ask.button)}</button>
</form>${opts.ask.after ? `\n${opts.ask.after}` : ""}`,
      );
    },
    async POST(_request: Request, { params }: Params) {
      const { token } = await params;
      if ((await opts.unsubscribe(token)) === "invalid") return invalid();
      return page(200, opts.done.title, opts.done.body);
    },
  };
}
