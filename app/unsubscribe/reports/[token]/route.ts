import { oneClickUnsubscribe } from "@/lib/email/one-click-unsubscribe";
import { checkReportUnsubscribeLink, unsubscribeFromReportEmail } from "@/lib/jobs/report-unsubscribe";

/** The one-click unsubscribe of a scheduled report email (RFC 8058; lib/email/one-click-unsubscribe.ts). */

export const dynamic = "force-dynamic";

export const { GET, POST } = oneClickUnsubscribe({
  basePath: "/unsubscribe/reports/",
  check: checkReportUnsubscribeLink,
  unsubscribe: unsubscribeFromReportEmail,
  elsewhere: "stop the email on the reports page",
  ask: {
    title: "Stop this report email?",
    body: "<p>You get this report by email on the schedule you chose. Your other report emails are not affected.</p>",
    button: "Stop this email",
  },
  done: {
    title: "Report email stopped",
    body: `<p>You will get no more of this report by email. The report is still on the <a href="/reports">reports page</a>, where you can set up another.</p>`,
  },
});
