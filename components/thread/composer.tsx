"use client";

import { useActionState, useEffect, useState } from "react";
import { sendMessageAction } from "@/lib/inbox/actions";
import { MESSAGE_MAX_LENGTH } from "@/lib/inbox/schemas";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

function newClientId() {
  return crypto.randomUUID();
}

/**
 * Message form. Posts without JavaScript (the server renders the result); with
 * JavaScript the draft is kept on any error and cleared only once the message is stored.
 */
export function Composer({ conversationId, clientId: initialClientId, placeholder = "Write a message…" }: { conversationId: string; clientId: string; placeholder?: string }) {
  const [state, formAction, pending] = useActionState(sendMessageAction, null);
  const failed = state && !state.ok ? state : null;
  const [draft, setDraft] = useState(failed?.values?.body ?? "");
  const [clientId, setClientId] = useState(failed?.values?.clientId ?? initialClientId);

  useEffect(() => {
    if (state?.ok) {
      setDraft("");
      setClientId(newClientId());
    }
  }, [state]);

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
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send"}
        </Button>
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
