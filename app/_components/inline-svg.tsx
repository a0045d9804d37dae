import type { ReactNode } from "react";

/**
 * Lucide's drawing frame (same viewBox and strokes), inline: lucide-react's icon base is a
 * client module, so even icons drawn on the server would add it to the page's scripts.
 */
export function InlineSvg({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width="24"
      height="24"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {children}
    </svg>
  );
}
