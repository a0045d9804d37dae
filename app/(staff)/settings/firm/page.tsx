import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFirmSettings } from "@/db/queries/firm-settings";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireScope } from "@/lib/auth/scope";
import { FirmSettingsForm } from "./firm-settings-form";

export const metadata: Metadata = { title: "Firm and follow-up policy" };

export default async function FirmSettingsPage() {
  const scope = await requireScope("settings.manage");
  const settings = await getFirmSettings(scope);
  if (!settings) notFound();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Firm and follow-up policy"
        description="Every number of the follow-up policy is yours to set. Plans use the firm's time zone and skip weekends and the holidays listed here."
      />
      <FirmSettingsForm settings={{ ...settings, holidays: settings.holidays.join("\n") }} />
    </div>
  );
}
