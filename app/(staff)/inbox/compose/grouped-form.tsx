"use client";

import { useActionState, useRef, useState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { sendGroupedAction } from "@/lib/inbox/actions";
import { MESSAGE_MAX_LENGTH } from "@/lib/conversations/limits";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";
import { smsStateKey } from "@/components/inbox/grouped-labels";
import { useUploads } from "@/components/files/use-uploads";
import { UploadTraySlot } from "@/components/files/upload-tray-slot";
import { ACCEPT } from "@/lib/files/limits";
import { Paperclip } from "@/components/ui/icons/paperclip";

type Person = { id: string; name: string; sms: string };

/** The automatic SMS follow-up's choices, in minutes after sending. */
const FOLLOW_UP_MINUTES = [15, 30, 60, 120, 240];

/**
 * The grouped message's form: everyone matching the list's filters, or only those left
 * ticked; the text; the SMS copy; confirmation and follow-up. Works without JavaScript;
 * with it, the button's count follows the ticks.
 */
export function GroupedForm({
  filters,
  people,
  total,
  clientId,
  picked = false,
}: {
  filters: Record<string, string>;
  people: Person[];
  total: number;
  clientId: string;
  /** The people come ticked from the contact list: no "everyone matching" choice. */
  picked?: boolean;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(sendGroupedAction, null);
  const failed = state && !state.ok ? state : null;
  const [mode, setMode] = useState(picked || failed?.values?.mode === "pick" ? "pick" : "all");
  const [ticked, setTicked] = useState(() => new Set(people.map((p) => p.id)));
  const count = mode === "pick" ? ticked.size : total;
  // Files need the page's script here: they upload as they are chosen, then go with the message.
  const picker = useRef<HTMLInputElement>(null);
  const files = useUploads("/api/batches/attachments", picker);
  return (
    <form action={action} className="space-y-4">
      {Object.entries(filters).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="clientId" value={clientId} />
      <FormError message={failed && !failed.fieldErrors?.body ? failed.error : undefined} />
      <fieldset className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-medium">{t("grouped.choose")}</legend>
        {picked ? (
          <input type="hidden" name="mode" value="pick" />
        ) : (
          <>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                value="all"
                checked={mode === "all"}
                onChange={() => setMode("all")}
                className="h-5 w-5"
              />
              {t("grouped.everyone", { count: total })}
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                value="pick"
                checked={mode === "pick"}
                onChange={() => setMode("pick")}
                className="h-5 w-5"
              />
              {t("grouped.onlyTicked")}
            </label>
          </>
        )}
        <ul className="max-h-72 overflow-y-auto border-t border-slate-100 pt-2" data-testid="recipients">
          {people.map((p) => (
            <li key={p.id}>
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="to"
                  value={p.id}
                  checked={ticked.has(p.id)}
                  onChange={(e) => {
                    const next = new Set(ticked);
                    if (e.target.checked) next.add(p.id);
                    else next.delete(p.id);
                    setTicked(next);
                    setMode("pick");
                  }}
                  className="h-5 w-5"
                />
                <span>{p.name}</span>
                {p.sms !== "eligible" ? (
                  <span className="text-xs text-slate-600">
                    ({t("grouped.noSms", { reason: t(smsStateKey(p.sms)) })})
                  </span>
                ) : null}
              </label>
            </li>
          ))}
        </ul>
        {total > people.length ? (
          <p className="text-xs text-slate-600">{t("grouped.more", { count: total - people.length })}</p>
        ) : null}
      </fieldset>
      <div>
        <label htmlFor="grouped-body" className="mb-1 block text-sm font-medium">
          {t("thread.message")}
        </label>
        <textarea
          id="grouped-body"
          name="body"
          rows={5}
          required
          maxLength={MESSAGE_MAX_LENGTH}
          defaultValue={failed?.values?.body ?? ""}
          aria-invalid={Boolean(failed?.fieldErrors?.body)}
          aria-describedby={failed?.fieldErrors?.body ? "grouped-body-error" : undefined}
          className="inline-flex min-h-11 items-center justify-center w-full rounded-control border border-line px-3 text-base outline-none focus:border-accent focus:ring-2 focus:ring-teal-600/20"
        />
        <FieldError id="grouped-body-error" messages={failed?.fieldErrors?.body} />
      </div>
      <div>
        <input type="hidden" name="attachmentIds" value={files.ready.map((f) => f.id).join(",")} />
        {files.problem ? <FormError message={files.problem} /> : null}
        <UploadTraySlot uploads={files.uploads} onRemove={files.remove} />
        <label
          htmlFor="grouped-files"
          className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-control border border-line px-3 text-sm hover:bg-slate-100"
        >
          <Paperclip aria-hidden="true" className="size-4" /> {t("files.attach")}
        </label>
        <input
          ref={picker}
          id="grouped-files"
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          onChange={(e) => {
            if (e.currentTarget.files?.length) files.add(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
      </div>
      <label className="flex min-h-11 items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="smsCopy"
          value="on"
          defaultChecked={failed?.values?.smsCopy === "on"}
          className="mt-0.5 h-5 w-5"
          aria-describedby="sms-hint"
        />
        <span>
          <span className="font-medium">{t("grouped.smsCopy")}</span>
          <span id="sms-hint" className="block text-xs text-slate-600">
            {t("grouped.smsHint")}
          </span>
        </span>
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="urgent"
          value="on"
          defaultChecked={failed?.values?.urgent === "on"}
          className="h-5 w-5"
        />
        <span className="font-medium">{t("thread.urgent")}</span>
      </label>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="askConfirm"
          value="on"
          defaultChecked={failed?.values?.askConfirm === "on"}
          className="h-5 w-5"
        />
        <span className="font-medium">{t("grouped.askConfirm")}</span>
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("grouped.followUp")}</span>
        <select
          name="followUpMinutes"
          defaultValue={failed?.values?.followUpMinutes ?? ""}
          aria-describedby="follow-up-hint"
          className="mt-1 block min-h-11 w-full max-w-xs rounded-control border border-line bg-surface px-2 text-sm"
        >
          <option value="">{t("grouped.followUpNone")}</option>
          {FOLLOW_UP_MINUTES.map((m) => (
            <option key={m} value={m}>
              {t("grouped.followUpAfter", { minutes: m })}
            </option>
          ))}
        </select>
      </label>
      <p id="follow-up-hint" className="-mt-2 text-xs text-muted">
        {t("grouped.followUpHelp")}
      </p>
      <FieldError id="grouped-followUp-error" messages={failed?.fieldErrors?.followUpMinutes} />
      <label className="block text-sm">
        <span className="font-medium">{t("scheduled.groupedWhen")}</span>
        <input
          type="datetime-local"
          name="sendAt"
          defaultValue={failed?.values?.sendAt}
          aria-invalid={Boolean(failed?.fieldErrors?.sendAt)}
          aria-describedby="send-later-hint"
          className="mt-1 block min-h-11 w-full max-w-xs rounded-control border border-line bg-surface px-2 text-sm"
        />
      </label>
      <p id="send-later-hint" className="-mt-2 text-xs text-muted">
        {t("scheduled.groupedHint")}
      </p>
      <FieldError id="grouped-sendAt-error" messages={failed?.fieldErrors?.sendAt} />
      {files.busy ? <p className="text-sm text-slate-700">{t("files.waitForUploads")}</p> : null}
      <Button
        type="submit"
        aria-disabled={pending || files.busy || undefined}
        onClick={(e) => {
          if (pending || files.busy) e.preventDefault();
        }}
      >
        {t("grouped.send", { count })}
      </Button>
    </form>
  );
}
