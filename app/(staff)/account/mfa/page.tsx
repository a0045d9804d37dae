import type { Metadata } from "next";
import QRCode from "qrcode";
import { getMyMfa } from "@/db/queries/mfa";
import { getFirmSettings } from "@/db/queries/firm-settings";
import { Alert, AlertDescription } from "@/app/_components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { StatusPill } from "@/app/_components/ui/status-pill";
import { decryptMfaSecret, totpUri } from "@/lib/auth/mfa";
import { requireScope } from "@/lib/auth/scope";
import { ConfirmMfaForm, DisableMfaForm, ReplaceCodesForm, StartMfaForm } from "./mfa-forms";

export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function MfaPage() {
  const scope = await requireScope("account.manage");
  const [mfa, firm] = await Promise.all([getMyMfa(scope), getFirmSettings(scope)]);
  const enabled = !!mfa?.enabledAt;
  let setup: { qr: string; key: string } | null = null;
  if (!enabled && mfa?.pendingSecret) {
    const secret = decryptMfaSecret(mfa.pendingSecret);
    setup = { qr: await QRCode.toDataURL(totpUri(secret, scope.userEmail), { margin: 1, width: 200 }), key: secret };
  }
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <PageHeader
        title="Two-factor sign-in"
        description="A code from an authenticator app on your phone, asked for after your password."
        actions={enabled ? <StatusPill state="done">On</StatusPill> : <StatusPill state="not_allowed">Off</StatusPill>}
      />
      {scope.needsMfaEnrollment ? (
        <Alert variant="warning">
          <AlertDescription>{firm?.name} requires two-factor sign-in for staff. Set it up to continue to the rest of Afterview.</AlertDescription>
        </Alert>
      ) : null}
      {enabled ? (
        <>
          <Card>
            <CardHeader>
              <CardTitle>Recovery codes</CardTitle>
              <CardDescription>
                {mfa?.recoveryCodesLeft ?? 0} of 10 left. Each works once, in place of a code from your phone.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <ReplaceCodesForm />
            </CardContent>
          </Card>
          {firm?.mfaRequired ? null : (
            <Card>
              <CardHeader>
                <CardTitle>Turn off</CardTitle>
                <CardDescription>You will be signed out and sign in with your password alone.</CardDescription>
              </CardHeader>
              <CardContent>
                <DisableMfaForm />
              </CardContent>
            </Card>
          )}
        </>
      ) : setup ? (
        <Card>
          <CardHeader>
            <CardTitle>Scan, then enter a code</CardTitle>
            <CardDescription>Use Google Authenticator, 1Password, Authy or any TOTP app.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-5 sm:flex-row">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
            <img src={setup.qr} alt="QR code for your authenticator app" width={200} height={200} className="rounded-md border border-border bg-white" />
            <div className="flex flex-1 flex-col gap-4">
              <div>
                <p className="text-sm text-muted-foreground">Or type this key:</p>
                <p className="font-mono text-sm break-all" data-testid="mfa-key">
                  {setup.key.match(/.{1,4}/g)?.join(" ")}
                </p>
              </div>
              <ConfirmMfaForm />
            </div>
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardContent className="pt-6">
            <StartMfaForm />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
