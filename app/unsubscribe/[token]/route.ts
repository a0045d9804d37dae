import { oneClickUnsubscribe } from "@/lib/email/one-click-unsubscribe";
import { checkUnsubscribeLink, unsubscribeFromPlanEmails } from "@/lib/jobs/unsubscribe";

/** The one-click unsubscribe of the candidates' plan emails (RFC 8058; lib/email/one-click-unsubscribe.ts). */

export const dynamic = "force-dynamic";

export const { GET, POST } = oneClickUnsubscribe({
  basePath: "/unsubscribe/",
  check: checkUnsubscribeLink,
  unsubscribe: unsubscribeFromPlanEmails,
  elsewhere: "turn the emails off in your profile",
  ask: {
    title: "Stop the plan emails?",
    body: "<p>You get a short email when a step of your follow-up plan needs you: a debrief still missing, thank-you notes due soon, the day your one call is allowed.</p>",
    button: "Stop these emails",
    after: "<p>You can turn them back on in your profile.</p>",
  },
  done: {
    title: "Plan emails stopped",
    body: `<p>You will get no more plan emails. Your plan is still there when you sign in.</p>
<p>Changed your mind? Turn them back on in <a href="/my/profile">your profile</a>.</p>`,
  },
});
