import Link from "next/link";

import { Wordmark } from "../_components/wordmark";

/**
 * Sign-in, invite, forgot- and reset-password pages: a centred card. Pages render their own
 * `<h1>` (e.g. "Sign in to Afterview") and form as children.
 */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-subtle">
      <header className="flex justify-center px-4 pt-10 pb-6 sm:pt-16">
        <Link href="/" className="rounded-md">
          <Wordmark />
        </Link>
      </header>
      <main id="main" className="flex flex-1 justify-center px-4 pb-10">
        <div className="w-full max-w-[26rem]">
          <div className="rounded-xl border border-border bg-card p-6 text-card-foreground shadow-sm sm:p-8">
            {children}
          </div>
        </div>
      </main>
      <footer className="px-4 pb-8 text-center text-xs text-muted-foreground">
        Afterview · the post-interview desk for staffing firms
      </footer>
    </div>
  );
}
