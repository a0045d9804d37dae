import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names and lets later Tailwind utilities override earlier ones. */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

const WHOLE = new Intl.NumberFormat("en-US");

/** A count as a list or tab shows it: "1,234", or "1,000+" when counting stopped there. */
export function countLabel(total: number, capped = false): string {
  return `${WHOLE.format(total)}${capped ? "+" : ""}`;
}
