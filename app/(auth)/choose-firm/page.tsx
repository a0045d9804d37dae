import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listMyFirms } from "@/lib/auth/accounts";
import { resolveScope } from "@/lib/auth/scope";
import { sameOriginPath as safeNextPath } from "@/lib/auth/home";
import { ChooseFirmForm } from "./choose-firm-form";

export const metadata: Metadata = { title: "Choose a firm" };

/**
 * After sign-in, a person with memberships in several firms chooses one; the
 * account menu's "Switch firm" comes here too. The session names one firm at a
 * time, and only the person's own active memberships are offered.
 */
export default async function ChooseFirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next) ?? "";
  const resolved = await resolveScope();
  if ("failure" in resolved) redirect(`/sign-in?${new URLSearchParams({ next: "/choose-firm" })}`);
  const { scope } = resolved;
  const firms = await listMyFirms(scope.userId);
  return (
    <div className="flex flex-col gap-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold tracking-tight">Choose a firm</h1>
        <p className="text-sm text-muted-foreground">
          You work with more than one firm on Afterview as{" "}
          <span className="font-medium text-foreground">{scope.userEmail}</span>. You see one firm at a time; switch
          any time from your account menu.
        </p>
      </div>
      <ChooseFirmForm
        next={next}
        currentFirmId={scope.firmId}
        firms={firms.map((f) => ({ firmId: f.firmId, firmName: f.firmName, role: f.role }))}
      />
    </div>
  );
}
