import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import type { TestFirm } from "@/db/test-firm";
import { sealClientSecret } from "@/lib/auth/sso/provider";

/** A tested, switched-off single sign-on provider for a firm, for the authorization matrix and fuzzing. */
export async function addSsoProviderRecord(db: Db, firm: TestFirm): Promise<void> {
  await db.insert(s.ssoProviders).values({
    firmId: firm.firmId,
    issuer: "https://idp.matrix.invalid",
    clientId: "afterview-matrix",
    clientSecretEncrypted: sealClientSecret("matrix-secret"),
    domains: ["matrix.invalid"],
    lastTestOk: true,
  });
}
