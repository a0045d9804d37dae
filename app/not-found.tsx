import type { Metadata } from "next";
import Link from "next/link";

import { Button } from "./_components/ui/button";
import { Wordmark } from "./_components/wordmark";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <main id="main" className="w-full max-w-sm text-center">
        <Link href="/" className="mb-10 inline-flex rounded-md">
          <Wordmark />
        </Link>
        <p className="text-sm font-medium text-accent-text tabular-nums">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-2 text-sm text-muted-foreground">
          The page you asked for does not exist, or you do not have access to it.
        </p>
        <Button asChild className="mt-6">
          <Link href="/">Go to the home page</Link>
        </Button>
      </main>
    </div>
  );
}
