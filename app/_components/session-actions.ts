"use server";

import { notFound } from "next/navigation";
import { signOutEverywhere } from "@/db/queries/auth";
import { signOut } from "@/lib/auth/config";
import { authorize } from "@/lib/auth/scope";

/** Ends this browser's session (the session row is revoked in the sign-out event). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of the signed-in person, in every browser. */
export async function signOutEverywhereAction(): Promise<void> {
  const auth = await authorize("account.manage");
  if (!auth.ok) notFound();
  await signOutEverywhere(auth.scope);
  await signOut({ redirectTo: "/sign-in" });
}
