import type { ComponentProps } from "react";
import { InlineSvg } from "@/app/_components/inline-svg";

/**
 * The few pieces of the design system the debrief form draws in the browser,
 * without the class-merging, variant and icon libraries behind `app/_components/ui`
 * (a candidate on a phone should not download them). The class lists are the
 * ones those components resolve to for the variants used here; keep them in step
 * when the design system changes.
 */

/** Joins class names (no merging: callers pass lists without conflicts). */
export function cx(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}

const BUTTON =
  "inline-flex select-none items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium transition-colors disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50 [&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4";
const ACCENT = "bg-accent text-accent-foreground shadow-xs hover:bg-accent-hover";
const OUTLINE = "border border-border-strong bg-background text-foreground shadow-xs hover:bg-hover";
const LARGE = "px-5 text-[0.9375rem]";

/** `<Button>` variant × size (+ the form's overrides), resolved. */
export const BUTTON_CLASSES = {
  /** default, lg, h-11 */
  primary: cx(BUTTON, "shrink-0", ACCENT, LARGE, "h-11"),
  /** outline, lg, h-11 */
  outline: cx(BUTTON, "shrink-0", OUTLINE, LARGE, "h-11"),
  /** outline, sm */
  outlineSmall: cx(BUTTON, "shrink-0", OUTLINE, "h-8 px-3 text-[0.8125rem]"),
  /** outline, lg, full width on phones */
  add: cx(BUTTON, "shrink-0", OUTLINE, LARGE, "h-12 w-full sm:w-auto"),
  /** default, lg, the submit button */
  submit: cx(BUTTON, ACCENT, "text-[0.9375rem] h-12 shrink-0 px-5"),
  /** ghost, icon, the remove-person button */
  remove: cx(BUTTON, "text-sm hover:bg-hover px-0 size-11 shrink-0 text-muted-foreground hover:text-overdue-foreground"),
  /** link, inline */
  link: cx(BUTTON, "shrink-0 text-accent-text underline-offset-4 hover:underline ml-1 h-auto p-0 text-sm"),
};

/** The text-like controls' shared look (`controlClasses` in ui/input). */
const CONTROL =
  "w-full min-w-0 rounded-md border border-input bg-background text-base text-foreground shadow-xs transition-[border-color,box-shadow] placeholder:text-muted-foreground hover:border-muted-foreground focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring/60 disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-60 aria-[invalid=true]:border-overdue aria-[invalid=true]:focus-visible:outline-overdue/40 sm:text-sm";

export const CONTROL_CLASSES = {
  input: cx(CONTROL, "px-3 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium h-12 sm:h-(--control-h)"),
  select: cx(CONTROL, "appearance-none truncate pr-9 pl-3 h-12 sm:h-(--control-h)"),
  textarea: cx(CONTROL, "block resize-y px-3 py-2 leading-relaxed min-h-24"),
  checkbox: "shrink-0 cursor-pointer rounded-sm accent-accent disabled:cursor-not-allowed disabled:opacity-50 size-5",
  badge:
    "inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-md border px-1.5 py-px text-xs font-medium leading-5 [&_svg]:size-3 [&_svg]:shrink-0 border-transparent bg-muted text-muted-foreground mt-0.5",
};

export function Label({
  className,
  children,
  required,
  normal,
  ...props
}: ComponentProps<"label"> & { required?: boolean; normal?: boolean }) {
  return (
    <label className={cx("text-sm leading-5 text-foreground", normal ? "font-normal" : "font-medium", className)} {...props}>
      {children}
      {required ? (
        <span aria-hidden="true" className="ml-0.5 text-overdue-foreground">
          *
        </span>
      ) : null}
    </label>
  );
}

// Icons: lucide's drawings (same viewBox and strokes), inline.
const Svg = InlineSvg;
type IconProps = { className?: string };
const circle = <circle cx="12" cy="12" r="10" />;
export const CheckIcon = ({ className }: IconProps) => <Svg className={className}><path d="M20 6 9 17l-5-5" /></Svg>;
export const CircleAlertIcon = ({ className }: IconProps) => (
  <Svg className={className}>{circle}<path d="M12 8v4M12 16h.01" /></Svg>
);
export const CircleCheckIcon = ({ className }: IconProps) => <Svg className={className}>{circle}<path d="m16 9-5.5 5.5L8 12" /></Svg>;
export const InfoIcon = ({ className }: IconProps) => <Svg className={className}>{circle}<path d="M12 16v-4M12 8h.01" /></Svg>;
export const TriangleAlertIcon = ({ className }: IconProps) => (
  <Svg className={className}><path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3M12 9v4M12 17h.01" /></Svg>
);
export const CloudOffIcon = ({ className }: IconProps) => (
  <Svg className={className}>
    <path d="M10.94 5.274A7 7 0 0 1 15.71 10h1.79a4.5 4.5 0 0 1 4.222 6.057M18.796 18.81A4.5 4.5 0 0 1 17.5 19H9A7 7 0 0 1 5.79 5.78M2 2l20 20" />
  </Svg>
);
export const LoaderIcon = ({ className }: IconProps) => <Svg className={className}><path d="M21 12a9 9 0 1 1-6.219-8.56" /></Svg>;
export const PlusIcon = ({ className }: IconProps) => <Svg className={className}><path d="M5 12h14M12 5v14" /></Svg>;
export const UndoIcon = ({ className }: IconProps) => (
  <Svg className={className}><path d="M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8M3 3v5h5" /></Svg>
);
export const TrashIcon = ({ className }: IconProps) => (
  <Svg className={className}><path d="M10 11v6M14 11v6M19 6v14a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V6M3 6h18M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2" /></Svg>
);
export const UserIcon = ({ className }: IconProps) => (
  <Svg className={className}><circle cx="12" cy="8" r="5" /><path d="M20 21a8 8 0 0 0-16 0" /></Svg>
);
export const ChevronDownIcon = ({ className }: IconProps) => <Svg className={className}><path d="m6 9 6 6 6-6" /></Svg>;

const ALERTS = {
  info: { icon: InfoIcon, className: "border-info-border bg-info-subtle text-info-foreground" },
  warning: { icon: TriangleAlertIcon, className: "border-due-border bg-due-subtle text-due-foreground" },
  error: { icon: CircleAlertIcon, className: "border-overdue-border bg-overdue-subtle text-overdue-foreground" },
  success: { icon: CircleCheckIcon, className: "border-done-border bg-done-subtle text-done-foreground" },
} as const;

/** `<Alert>` of ui/alert: a callout; `announce` makes it a polite status. */
export function Alert({
  className,
  variant = "info",
  announce,
  children,
  ...props
}: ComponentProps<"div"> & { variant?: keyof typeof ALERTS; announce?: boolean }) {
  const { icon: Icon, className: variantClasses } = ALERTS[variant];
  return (
    <div
      role={announce ? "status" : undefined}
      data-variant={variant}
      className={cx("relative flex gap-2.5 rounded-lg border px-3.5 py-3 text-sm [&_a]:font-medium [&_a]:underline", variantClasses, className)}
      {...props}
    >
      <Icon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1 space-y-0.5">{children}</div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<"p">) {
  return <p className={cx("font-semibold leading-5", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("leading-5 [&_p+p]:mt-1", className)} {...props} />;
}
