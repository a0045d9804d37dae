import { notFound } from "next/navigation";
import { AppShell } from "@/app/_components/app-shell";
import { signOutAction } from "@/app/_components/session-actions";
import { requireScope } from "@/lib/auth/scope";

export default async function CandidateLayout({ children }: { children: React.ReactNode }) {
  const scope = await requireScope();
  if (scope.role !== "candidate") notFound();
  return (
    <AppShell firmName={scope.firmName} user={{ name: scope.userName, email: scope.userEmail, role: scope.role }} signOut={signOutAction}>
      {children}
    </AppShell>
  );
}
