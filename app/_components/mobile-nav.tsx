"use client";

import { Menu, X } from "lucide-react";
import { Dialog } from "radix-ui";
import { useState, type MouseEvent, type ReactNode } from "react";

/**
 * The staff navigation on phones: a menu button opening a left drawer (a modal dialog, so focus
 * is trapped and Escape closes it). The drawer closes when a link inside it is followed.
 */
export function MobileNav({ children, title }: { children: ReactNode; title: ReactNode }) {
  const [open, setOpen] = useState(false);

  function closeOnLink(event: MouseEvent<HTMLDivElement>) {
    if ((event.target as Element).closest("a[href]")) setOpen(false);
  }

  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="-ml-1 inline-flex size-(--control-h) items-center justify-center rounded-md text-foreground hover:bg-hover md:hidden">
        <Menu aria-hidden="true" className="size-5" />
        <span className="sr-only">Open menu</span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/50 motion-safe:data-[state=open]:animate-fade-in md:hidden" />
        <Dialog.Content
          aria-describedby={undefined}
          onClick={closeOnLink}
          className="fixed inset-y-0 left-0 z-50 flex w-[min(18rem,85vw)] flex-col gap-4 border-r border-border bg-subtle p-3 shadow-lg outline-none motion-safe:data-[state=open]:animate-slide-in-left md:hidden"
        >
          <div className="flex items-center justify-between gap-2">
            <Dialog.Title className="min-w-0 flex-1">{title}</Dialog.Title>
            <Dialog.Close className="inline-flex size-(--control-h) items-center justify-center rounded-md text-muted-foreground hover:bg-hover hover:text-foreground">
              <X aria-hidden="true" className="size-5" />
              <span className="sr-only">Close menu</span>
            </Dialog.Close>
          </div>
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
