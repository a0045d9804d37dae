import { notFound } from "next/navigation";
import { AppShell } from "@/app/_components/app-shell";
import { signOutAction } from "@/app/_components/session-actions";
import { isStaff } from "@/lib/core/permissions";
import { requireScope } from "@/lib/auth/scope";

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  // The shell only; each page checks its own permission again.
  const scope = await requireScope();
  if (!isStaff(scope.role)) notFound();
  return (
    <AppShell firmName={scope.firmName} user={{ name: scope.userName, email: scope.userEmail, role: scope.role, canSwitchFirm: scope.firmCount > 1 }} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
