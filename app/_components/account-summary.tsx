/**
 * Who is signed in, as both account menus show it (the staff dropdown in user-menu.tsx and the
 * candidate's popover in candidate-shell.tsx): initials in a circle, the name and the email.
 * No hooks, so it renders on the server and in the browser alike.
 */

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** The initials in a circle: size-7 on a menu's button, size-8 in the menu. */
export function AvatarInitials({ initials, size }: { initials: string; size: "size-7" | "size-8" }) {
  return (
    <span
      aria-hidden="true"
      className={`flex ${size} shrink-0 items-center justify-center rounded-full bg-accent-subtle text-xs font-semibold text-accent-subtle-foreground ring-1 ring-accent-border`}
    >
      {initials}
    </span>
  );
}

/** The name over the email, on a menu's button (hidden or shown by `className`). */
export function NameAndEmail({ name, email, className }: { name: string; email: string; className?: string }) {
  return (
    <span className={className}>
      <span className="block truncate text-sm font-medium leading-5">{name}</span>
      <span className="block truncate text-xs leading-4 text-muted-foreground">{email}</span>
    </span>
  );
}

/** The top of an open account menu: the avatar, the name and email, and the role. */
export function AccountSummary({ name, email, initials, roleLabel }: { name: string; email: string; initials: string; roleLabel: string }) {
  return (
    <div className="flex items-center gap-2.5 px-2 py-2">
      <AvatarInitials initials={initials} size="size-8" />
      <div className="min-w-0">
        <p className="truncate text-sm font-medium leading-5">{name}</p>
        <p className="truncate text-xs leading-4 text-muted-foreground">{email}</p>
      </div>
      <span className="ml-auto rounded-md bg-muted px-1.5 py-px text-xs font-medium text-muted-foreground">{roleLabel}</span>
    </div>
  );
}
