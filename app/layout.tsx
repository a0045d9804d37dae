import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";

import { THEME_COOKIE, parseTheme } from "./_components/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Afterview", template: "%s · Afterview" },
  description:
    "The post-interview desk of a staffing firm: candidate debriefs, follow-up plans, interviewer feedback and pipeline reports.",
  // public/: the icon set and the web app manifest ("Add to home screen" on a candidate's phone).
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "32x32" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  appleWebApp: { title: "Afterview", capable: true, statusBarStyle: "default" },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fafafa" },
    { media: "(prefers-color-scheme: dark)", color: "#0f0f13" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The theme follows prefers-color-scheme in CSS; a saved choice (user menu) forces it here,
  // server-side, so no inline script is needed under the Content-Security-Policy.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-dvh bg-background font-sans text-foreground antialiased">{children}</body>
    </html>
  );
}
