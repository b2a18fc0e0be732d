"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { Link } from "@/components/ui/link";
import { useTranslations } from "@/lib/i18n/client";
import { deleteMessageAction, editMessageAction } from "@/lib/dispatch/actions";
import type { WireMessage } from "@/lib/realtime/event-types";
import { menuItemClass } from "@/components/ui/menu";
import { ModalDialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";
import { History } from "@/components/ui/icons/history";
import { Pencil } from "@/components/ui/icons/pencil";
import { Trash2 } from "@/components/ui/icons/trash-2";
import { MessagePopover } from "./message-popover";
import {
  askRevise,
  REVISE_EVENT,
  type MessageMenuTarget,
  type ReviseRequest,
  type ReviseTarget,
} from "./message-menu-event";

// Editing and deleting a message, on every page that shows a conversation: the menu's items
// (inside the staff page's menu, or in `ReviseMenu` elsewhere) and the dialogs they open.

/** Edit, delete and (admins) history, for a message its reader may change. */
export function ReviseItems({ target, anchor }: { target: ReviseTarget; anchor: HTMLElement }) {
  const t = useTranslations();
  const item = (change: "edit" | "delete", icon: React.ReactNode, label: string) => (
    <button
      type="button"
      className={menuItemClass}
      onClick={(e) => {
        e.currentTarget.closest<HTMLElement>("[popover]")?.hidePopover();
        askRevise({ target, change, anchor });
      }}
    >
      {icon}
      {label}
    </button>
  );
  return (
    <>
      {target.edit ? item("edit", <Pencil aria-hidden="true" className="size-4" />, t("revise.edit")) : null}
      {target.delete ? item("delete", <Trash2 aria-hidden="true" className="size-4" />, t("revise.delete")) : null}
      {target.history ? (
        <Link href={`/settings/audit/messages/${encodeURIComponent(target.id)}`} className={menuItemClass}>
          <History aria-hidden="true" className="size-4" />
          {t("revise.history")}
        </Link>
      ) : null}
    </>
  );
}

/** The message menu of a teammate's thread and of chat: only what the reader may change. */
export function ReviseMenu({ first }: { first: MessageMenuTarget }) {
  return (
    <MessagePopover
      first={first}
      testId="message-menu"
      items={(target) => (target.revise ? <ReviseItems target={target.revise} anchor={target.anchor} /> : null)}
    />
  );
}

/**
 * The edit and delete dialogs of one conversation, opened from a message's menu. What the
 * server answers (the message as it now reads) goes to `onRevised` at once; the live event
 * brings it to everyone else. A refusal shows in the dialog, and the words typed stay.
 */
export function ReviseDialog({
  conversationId,
  onRevised,
}: {
  conversationId: string;
  onRevised: (message: WireMessage) => void;
}) {
  const t = useTranslations();
  const [request, setRequest] = useState<ReviseRequest | null>(null);
  useEffect(() => {
    const open = (e: Event) => setRequest((e as CustomEvent<ReviseRequest>).detail);
    window.addEventListener(REVISE_EVENT, open);
    return () => window.removeEventListener(REVISE_EVENT, open);
  }, []);
  if (!request) return null;
  const close = () => {
    const li = request.anchor.closest<HTMLElement>("li[data-key]");
    setRequest(null);
    if (li?.isConnected) li.focus();
  };
  const done = (message: WireMessage) => {
    onRevised(message);
    close();
  };
  return (
    <ModalDialog
      title={request.change === "edit" ? t("revise.editTitle") : t("revise.deleteTitle")}
      closeLabel={t("revise.cancel")}
      onClose={close}
    >
      {request.change === "edit" ? (
        <EditForm conversationId={conversationId} target={request.target} onDone={done} onCancel={close} />
      ) : (
        <DeleteForm conversationId={conversationId} target={request.target} onDone={done} onCancel={close} />
      )}
    </ModalDialog>
  );
}

/** Hands a successful answer to `onDone`, once. */
function useAnswered(state: { ok: boolean; message?: WireMessage } | null, onDone: (m: WireMessage) => void) {
  const latest = useRef(onDone);
  useEffect(() => {
    latest.current = onDone;
  });
  useEffect(() => {
    if (state?.ok && state.message) latest.current(state.message);
  }, [state]);
}

type FormProps = {
  conversationId: string;
  target: ReviseTarget;
  onDone: (message: WireMessage) => void;
  onCancel: () => void;
};

function EditForm({ conversationId, target, onDone, onCancel }: FormProps) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(editMessageAction, null);
  const failed = state && !state.ok ? state : null;
  useAnswered(state, onDone);
  return (
    <form action={action} className="space-y-3" noValidate data-testid="edit-message">
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="messageId" value={target.id} />
      {failed && !failed.fieldErrors?.body ? <FormError message={failed.error} /> : null}
      <label htmlFor="revise-body" className="block text-sm font-medium">
        {t("revise.newText")}
      </label>
      <textarea
        id="revise-body"
        name="body"
        rows={4}
        autoFocus
        defaultValue={failed?.values?.body ?? target.body}
        aria-describedby="revise-body-error"
        className="w-full rounded-control border border-line bg-surface px-3 py-2 text-sm"
      />
      <FieldError id="revise-body-error" messages={failed?.fieldErrors?.body} />
      <p className="text-xs text-muted">{target.fromStaff ? t("revise.smsKept") : t("revise.editSeen")}</p>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("revise.cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {t("revise.save")}
        </Button>
      </div>
    </form>
  );
}

function DeleteForm({ conversationId, target, onDone, onCancel }: FormProps) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(deleteMessageAction, null);
  const failed = state && !state.ok ? state : null;
  useAnswered(state, onDone);
  return (
    <form action={action} className="space-y-3" data-testid="delete-message">
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="messageId" value={target.id} />
      {failed ? <FormError message={failed.error} /> : null}
      <p className="text-sm">{target.own ? t("revise.deleteSeen") : t("revise.deleteSeenAdmin")}</p>
      {target.fromStaff ? <p className="text-sm text-muted">{t("revise.smsNotRecalled")}</p> : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("revise.cancel")}
        </Button>
        <Button type="submit" variant="danger" disabled={pending} autoFocus>
          {t("revise.deleteConfirm")}
        </Button>
      </div>
    </form>
  );
}
