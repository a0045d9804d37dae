/**
 * Pages a firm's client opens from an email, with no account: a plain,
 * centred column that works on a phone. Each page names the firm itself; the
 * product's own name stays in the footer.
 */
export default function ClientLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-subtle">
      <main id="main" className="flex flex-1 justify-center px-3 py-6 sm:px-4 sm:py-12">
        <div className="w-full max-w-2xl">{children}</div>
      </main>
      <footer className="px-4 pb-8 text-center text-xs text-muted-foreground">Sent with Afterview</footer>
    </div>
  );
}
