import Link from "next/link";
import type { ReactNode } from "react";

/** The one link under a sign-in card ("Forgot your password?", "Back to sign-in"). */
export function FooterLink({ href, children, muted = true }: { href: string; children: ReactNode; muted?: boolean }) {
  return (
    <p className={muted ? "text-sm text-muted-foreground" : "text-sm"}>
      <Link href={href} className="font-medium text-accent-text underline-offset-4 hover:underline">
        {children}
      </Link>
    </p>
  );
}
