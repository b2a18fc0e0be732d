"use client";

import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { X } from "@/components/ui/icons/x";
import { IconButton } from "./button";

/**
 * A button that opens a modal `<dialog>` (docs/design.md): the platform traps focus,
 * closes on Escape and gives focus back. The dialog lives at the end of the page (a
 * portal), so a button inside a menu can open it and the menu can close.
 */
export function Dialog({
  title,
  closeLabel,
  trigger,
  triggerClassName = "",
  children,
}: {
  title: string;
  closeLabel: string;
  /** The opening button's content (its text is its name). */
  trigger: React.ReactNode;
  triggerClassName?: string;
  children: React.ReactNode;
}) {
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button ref={opener} type="button" onClick={() => setOpen(true)} className={triggerClassName} data-closes>
        {trigger}
      </button>
      {open ? (
        <ModalDialog
          title={title}
          closeLabel={closeLabel}
          onClose={() => {
            setOpen(false);
            // The opener may sit in a menu that has closed: focus what is still on screen.
            (opener.current?.checkVisibility() ? opener.current : document.getElementById("main"))?.focus();
          }}
        >
          {children}
        </ModalDialog>
      ) : null}
    </>
  );
}

/**
 * The modal itself, open while it is drawn: for a dialog opened by something other than a
 * button of its own (a message's menu). `onClose`: it was closed (Escape, ✕, the backdrop);
 * the caller stops drawing it and puts focus back where it belongs.
 */
export function ModalDialog({
  title,
  closeLabel,
  onClose,
  children,
}: {
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => ref.current?.showModal(), []);
  return createPortal(
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) ref.current.close(); // a click on the backdrop
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-line bg-raised p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      <div className="flex items-center justify-between gap-2 border-b border-line py-1 pr-1 pl-4">
        <h2 className="font-semibold">{title}</h2>
        <IconButton label={closeLabel} onClick={() => ref.current?.close()}>
          <X aria-hidden="true" className="size-5" />
        </IconButton>
      </div>
      <div className="max-h-[70vh] overflow-y-auto p-4">{children}</div>
    </dialog>,
    document.body,
  );
}
