import { notFound } from "next/navigation";
import { CandidateShell } from "@/app/_components/candidate-shell";
import { signOutAction } from "@/app/_components/session-actions";
import { requireScope } from "@/lib/auth/scope";

export default async function CandidateLayout({ children }: { children: React.ReactNode }) {
  const scope = await requireScope();
  if (scope.role !== "candidate") notFound();
  return (
    <CandidateShell firmName={scope.firmName} user={{ name: scope.userName, email: scope.userEmail, canSwitchFirm: scope.firmCount > 1 }} signOut={signOutAction}>
      {children}
    </CandidateShell>
  );
}
