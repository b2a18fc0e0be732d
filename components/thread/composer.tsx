"use client";

import { useActionState, useEffect, useState } from "react";
import { addNoteAction, sendMessageAction } from "@/lib/inbox/actions";
import { MESSAGE_MAX_LENGTH } from "@/lib/inbox/schemas";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

function newClientId() {
  return crypto.randomUUID();
}

/**
 * Message form. Posts without JavaScript (the server renders the result); with
 * JavaScript the draft is kept on any error and cleared only once it is stored.
 * With `allowNotes` (staff), a second button saves the text as a private note.
 */
export function Composer({
  conversationId,
  clientId: initialClientId,
  placeholder = "Write a message…",
  allowNotes = false,
}: {
  conversationId: string;
  clientId: string;
  placeholder?: string;
  allowNotes?: boolean;
}) {
  const [sent, formAction, sending] = useActionState(sendMessageAction, null);
  const [noted, noteAction, noting] = useActionState(addNoteAction, null);
  const pending = sending || noting;
  const state = noted && !noted.ok ? noted : sent && !sent.ok ? sent : (sent ?? noted);
  const failed = state && !state.ok ? state : null;
  const [draft, setDraft] = useState(failed?.values?.body ?? "");
  const [clientId, setClientId] = useState(failed?.values?.clientId ?? initialClientId);

  useEffect(() => {
    if (sent?.ok || noted?.ok) {
      setDraft("");
      setClientId(newClientId());
    }
  }, [sent, noted]);

  return (
    <form action={formAction} className="border-t border-slate-200 bg-white p-3" noValidate>
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="clientId" value={clientId} />
      {failed && !failed.fieldErrors?.body ? <FormError message={failed.error} /> : null}
      <div className="flex items-end gap-2">
        <label className="sr-only" htmlFor="message-body">
          Message
        </label>
        <textarea
          id="message-body"
          name="body"
          rows={2}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
          }}
          placeholder={placeholder}
          aria-invalid={Boolean(failed?.fieldErrors?.body)}
          aria-describedby="message-body-error"
          className="min-h-11 flex-1 resize-y rounded-md border border-slate-300 px-3 py-2 text-base outline-none focus:border-teal-600 focus:ring-2 focus:ring-teal-600/20 aria-[invalid=true]:border-red-500"
        />
        <div className="flex flex-col gap-1">
          <Button type="submit" disabled={pending}>
            {sending ? "Sending…" : "Send"}
          </Button>
          {allowNotes ? (
            <button
              type="submit"
              formAction={noteAction}
              disabled={pending}
              title="Visible to staff only, never to the teammate"
              className="rounded-md border border-yellow-300 bg-yellow-100 px-3 py-1.5 text-sm font-medium text-yellow-900 hover:bg-yellow-200"
            >
              {noting ? "Saving…" : "Add private note"}
            </button>
          ) : null}
        </div>
      </div>
      <FieldError id="message-body-error" messages={failed?.fieldErrors?.body} />
      {draft.length > MESSAGE_MAX_LENGTH * 0.9 ? (
        <p className="mt-1 text-xs text-slate-500">
          {draft.length.toLocaleString("en")} / {MESSAGE_MAX_LENGTH.toLocaleString("en")} characters
        </p>
      ) : null}
    </form>
  );
}
