import type { Metadata } from "next";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { CopyButton } from "@/app/_components/ui/copy-button";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { requireScope } from "@/lib/auth/scope";
import { loadSsoSettings } from "@/lib/auth/sso/settings";
import { SsoSettingsForm, SsoStateForm, TestConnectionForm } from "./sso-forms";

export const metadata: Metadata = { title: "Single sign-on" };

const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export default async function SsoSettingsPage() {
  const scope = await requireScope("settings.manage");
  const { provider, linked, redirectUri } = await loadSsoSettings(scope);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Single sign-on"
        description="Let the firm's staff sign in through your identity provider (OpenID Connect: Okta, Entra ID, Keycloak, Google Workspace…). Only people on your team or with a pending invitation get in."
      />
      <Card>
        <CardHeader>
          <CardTitle>Status</CardTitle>
          <CardDescription>
            {provider
              ? `${linked} ${linked === 1 ? "person has" : "people have"} signed in through the provider so far.`
              : "No provider yet: fill in the form below."}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            {provider?.enabled ? <StatusPill state="done">On</StatusPill> : <StatusPill state="not_allowed">Off</StatusPill>}
            {provider?.enabled && provider.required ? <StatusPill state="due">Required for recruiters</StatusPill> : null}
          </div>
          <div role="status">
            {provider?.lastTestedAt ? (
              <Alert variant={provider.lastTestOk ? "success" : "error"}>
                <AlertDescription>
                  Last test, {dateTime.format(provider.lastTestedAt)}: {provider.lastTestOk ? "passed" : "failed"}. {provider.lastTestMessage}
                </AlertDescription>
              </Alert>
            ) : provider ? (
              <p className="text-sm text-muted-foreground">Not tested since the provider was last changed.</p>
            ) : null}
          </div>
          {provider ? <TestConnectionForm /> : null}
          {provider ? <SsoStateForm enabled={provider.enabled} required={provider.required} canEnable={!!provider.lastTestOk} /> : null}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Provider</CardTitle>
          <CardDescription>Register Afterview at your provider as a web application (authorization code flow), with this redirect URI:</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code className="block rounded-md bg-muted px-3 py-2 font-mono text-xs break-all" aria-label="Redirect URI">
              {redirectUri}
            </code>
            <CopyButton text={redirectUri} label="Copy redirect URI" />
          </div>
          <SsoSettingsForm current={provider ? { issuer: provider.issuer, clientId: provider.clientId, domains: provider.domains, hasSecret: provider.hasSecret } : null} />
        </CardContent>
      </Card>
    </div>
  );
}
