import { listMySessions } from "@/db/queries/auth";
import type { Scope } from "@/lib/auth/scope";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./ui/card";
import { Button } from "./ui/button";
import { ChangePasswordForm, RevokeSessionButton } from "./account-forms";
import { signOutEverywhereAction } from "./session-actions";

const fmt = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

function describeAgent(ua: string | null): string {
  if (!ua) return "Unknown browser";
  const browser = /Edg\//.test(ua) ? "Edge" : /Chrome\//.test(ua) ? "Chrome" : /Firefox\//.test(ua) ? "Firefox" : /Safari\//.test(ua) ? "Safari" : "Browser";
  const os = /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Linux/.test(ua) ? "Linux" : "";
  return os ? `${browser} on ${os}` : browser;
}

/** Password and sessions, shared by the staff account page and the candidate profile. */
export async function AccountSecurity({ scope }: { scope: Scope }) {
  const sessions = await listMySessions(scope);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Change password</CardTitle>
          <CardDescription>You will be signed out everywhere and sign in again with the new password.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Where you are signed in</CardTitle>
          <CardDescription>Sessions end after 30 minutes without activity, and after 12 hours at most.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
            {sessions.map((s) => (
              <li key={s.id} className="flex items-center justify-between gap-3 px-3 py-2.5 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">
                    {describeAgent(s.userAgent)}
                    {s.id === scope.sessionId ? <span className="ml-2 text-xs font-normal text-muted-foreground">(this browser)</span> : null}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    Signed in {fmt.format(s.createdAt)} · last active {fmt.format(s.lastSeenAt)}
                    {s.ip ? ` · ${s.ip}` : ""}
                  </p>
                </div>
                {s.id === scope.sessionId ? null : <RevokeSessionButton sessionId={s.id} />}
              </li>
            ))}
          </ul>
          <form action={signOutEverywhereAction}>
            <Button type="submit" variant="outline">
              Sign out everywhere
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
