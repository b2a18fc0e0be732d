"use client";

import { useActionState, useContext, useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { addNoteAction } from "@/lib/inbox/actions";
import { sendMessageAction } from "@/lib/dispatch/actions";
import { MESSAGE_MAX_LENGTH } from "@/lib/conversations/limits";
import { fromWire, type ThreadMessage } from "@/lib/conversations/wire";
import type { ActionFailure } from "@/lib/api/result";
import { buttonClass } from "@/components/ui/button";
import { Paperclip } from "@/components/ui/icons/paperclip";
import { SendHorizontal } from "@/components/ui/icons/send-horizontal";
import { StickyNote } from "@/components/ui/icons/sticky-note";
import { FieldError, FormError } from "@/components/ui/field-error";
import { PendingMessages } from "./pending-messages";
import { useOutbox } from "./use-outbox";
import { COMPOSER_SENT_EVENT } from "./composer-sent";
import { loadDraft, saveDraft } from "./device-drafts";
import type { ComposerNotice } from "./composer-notice";
import { useUploads } from "@/components/files/use-uploads";
import { UploadTraySlot } from "@/components/files/upload-tray-slot";
import { ACCEPT, DEFAULT_MAX_FILE_BYTES } from "@/lib/files/limits";
import { ComposerTypingContext } from "./composer-typing";
import { ComposerGuardContext } from "./composer-guard";
import { ComposerToolsContext, type ComposerTools } from "./composer-context";
import { unfilledVariable } from "@/lib/conversations/reply-variables";

/**
 * Message form. Without JavaScript it posts and the server renders the result.
 * With JavaScript a message shows at once, is retried with the same client id
 * (stored once), and its text is never lost: a failed send keeps it with Retry.
 * With `allowNotes` (staff), a toggle makes the box a private note's (yellow, "Add private
 * note" its one button): what is typed is then said to other managers as a note, not a reply.
 */
export function Composer({
  conversationId,
  clientId: initialClientId,
  latestSeq,
  placeholder,
  allowNotes = false,
  onSent,
  notice,
  options,
  noteTools,
  status,
}: {
  conversationId: string;
  clientId: string;
  /** The newest message the page shows: a sent message leaves the outbox once the page has it. */
  latestSeq: number;
  placeholder?: string;
  allowNotes?: boolean;
  /** The stored message, to show before its live event arrives. */
  onSent?: (message: ThreadMessage) => void;
  /** What the form without JavaScript came back with (lib: the attachments route): its error, the text, the refused files. */
  notice?: ComposerNotice;
  /** Staff: the message's options (urgent, SMS copy: `ComposerOptions`), fields of this form. */
  options?: React.ReactNode;
  /** Staff, in a note's box: its tools (`MentionPicker`). */
  noteTools?: React.ReactNode;
  /** Above the box: who else is typing here (staff). */
  status?: React.ReactNode;
}) {
  const t = useTranslations();
  const [sent, formAction] = useActionState(sendMessageAction, null);
  const [noted, noteAction, noting] = useActionState(addNoteAction, null);
  const [clientError, setClientError] = useState<ActionFailure | null>(null);
  const serverFailure = (noted && !noted.ok ? noted : null) ?? (sent && !sent.ok ? sent : null);
  const failed = clientError ?? serverFailure;
  const [draft, setDraft] = useState(serverFailure?.values?.body ?? notice?.draft ?? "");
  const [hydrated, setHydrated] = useState(false);
  const maxMb = DEFAULT_MAX_FILE_BYTES / (1024 * 1024);
  const picker = useRef<HTMLInputElement>(null);
  const files = useUploads(`/api/conversations/${encodeURIComponent(conversationId)}/attachments`, picker);
  const [dragging, setDragging] = useState(false);
  const [clientId, setClientId] = useState(serverFailure?.values?.clientId ?? initialClientId);
  const { outbox, items } = useOutbox(conversationId, {
    sent: (message) => onSent?.(fromWire(message)),
    refused: (item, failure) => {
      setDraft((d) => d || item.body);
      if (item.attachments?.length && failure.error !== t("errors.file.gone")) files.restore(item.attachments);
      setClientError(failure);
    },
  });
  const lastSend = useRef(0);
  const noteBody = useRef("");
  const box = useRef<HTMLTextAreaElement>(null);
  const [noteMode, setNoteMode] = useState(false);
  const typing = useContext(ComposerTypingContext);
  // A colleague owns the thread: the first reply asks once (per owner) whether to answer anyway.
  const owner = useContext(ComposerGuardContext);
  const [asking, setAsking] = useState(false);
  const answerAnyway = useRef<string | null>(null);
  // A "/" typed at the start of a word opens the toolbar's saved replies (staff).
  const [slashAt, setSlashAt] = useState<number | null>(null);
  // What the toolbar's pickers are handed: the choice goes in place of the "/" that opened them, else
  // at the cursor (several may be combined); the cursor lands after it.
  const placeCursor = (at: number | null) =>
    requestAnimationFrame(() => {
      box.current?.focus();
      if (at !== null) box.current?.setSelectionRange(at, at);
    });
  const tools: ComposerTools = {
    slashAt,
    insert(text) {
      const from = slashAt ?? box.current?.selectionStart ?? draft.length;
      const to = slashAt !== null ? slashAt + 1 : (box.current?.selectionEnd ?? draft.length);
      setDraft(draft.slice(0, from) + text + draft.slice(to));
      setSlashAt(null);
      placeCursor(from + text.length);
    },
    dismissSlash() {
      setSlashAt(null);
      placeCursor(slashAt !== null ? slashAt + 1 : null); // opened by its button: the cursor stays where it was
    },
    // A new message's box: what was typed left (sent, or scheduled by the send-later panel).
    clear() {
      box.current?.form?.dispatchEvent(new Event(COMPOSER_SENT_EVENT));
      typing?.(null);
      setClientError(null);
      setDraft("");
      setClientId(crypto.randomUUID());
    },
  };
  const unfilled = allowNotes && !noteMode ? unfilledVariable(draft) : null;

  // What was typed and not sent on this device comes back after a reload; unsent messages
  // are sent again with their own client ids (stored once even if they had arrived).
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const saved = loadDraft(conversationId);
    // Reading the device's storage can only happen after hydration.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRestored(true);
    setHydrated(true);
    // Text typed before the page's script ran is in the box but not in the state: it comes first.
    const typed = box.current?.value;
    if (typed) setDraft((d) => d || typed);
    if (!saved) return;
    if (saved.draft) setDraft((d) => d || saved.draft);
    if (saved.outbox.length) void outbox.restore(saved.outbox);
  }, [conversationId, outbox]);
  useEffect(() => {
    if (restored) saveDraft(conversationId, { draft, outbox: [...items] });
  }, [restored, conversationId, draft, items]);

  // A saved note starts a fresh draft (adjusted while rendering, not in an effect).
  const [savedNote, setSavedNote] = useState(noted);
  if (savedNote !== noted) {
    setSavedNote(noted);
    if (noted?.ok) {
      // What was typed after the note left stays (the answer can come after new typing).
      setDraft((d) => (d === noteBody.current ? "" : d));
      setClientId(crypto.randomUUID());
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    // The private-note and send-later buttons post through their own actions.
    if (submitter?.dataset.note || submitter?.dataset.schedule) return void typing?.(null);
    e.preventDefault();
    // A second click of a double-click finds the box already emptied: nothing to say.
    const attachments = files.ready;
    if (!draft.trim() && attachments.length === 0 && Date.now() - lastSend.current < 1500) return;
    if (files.busy) return setClientError({ ok: false, error: t("files.waitForUploads") });
    // The server's rules, checked here first so an empty or over-long message never leaves the page.
    const problem =
      !draft.trim() && attachments.length === 0
        ? t("errors.messageRequired")
        : draft.trim().length > MESSAGE_MAX_LENGTH
          ? t("errors.messageTooLong", { max: MESSAGE_MAX_LENGTH })
          : null;
    const variable = unfilledVariable(draft);
    if (!problem && variable && allowNotes)
      return setClientError({
        ok: false,
        error: t("errors.correctFields"),
        fieldErrors: { body: [t("errors.unfilledVariable", { name: `{{${variable}}}` })] },
        values: { body: draft },
      });
    if (problem)
      return setClientError({
        ok: false,
        error: t("errors.correctFields"),
        fieldErrors: { body: [problem] },
        values: { body: draft },
      });
    if (owner && answerAnyway.current !== owner) return setAsking(true);
    setAsking(false);
    // The options are the form's own fields (staff pages): read now, then back to off.
    const form = new FormData(e.currentTarget);
    const smsCopy = form.get("smsCopy") === "on";
    const urgent = form.get("urgent") === "on";
    tools.clear();
    files.clear();
    lastSend.current = Date.now();
    void outbox.send(
      { clientId, body: draft, attachments, smsCopy: smsCopy || undefined, urgent: urgent || undefined },
      latestSeq,
    );
  }

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      className={`border-t border-line bg-canvas px-2 pt-2 pb-2 sm:px-4 ${dragging ? "outline-2 outline-accent outline-dashed" : ""}`}
      noValidate
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (!e.dataTransfer.files.length) return;
        e.preventDefault();
        setDragging(false);
        files.add(e.dataTransfer.files);
      }}
    >
      <PendingMessages
        items={items.length ? outbox.visible(latestSeq) : []}
        onRetry={(id) => void outbox.retry(id)}
        onEdit={(id) => {
          const item = outbox.take(id);
          if (!item) return;
          setDraft((d) => (d ? `${d}\n${item.body}` : item.body));
          if (item.attachments?.length) files.restore(item.attachments);
        }}
      />
      <input type="hidden" name="conversationId" value={conversationId} />
      <input type="hidden" name="clientId" value={clientId} />
      {failed && !failed.fieldErrors?.body ? <FormError message={failed.error} /> : null}
      {notice?.error ? <FormError message={notice.error} /> : null}
      {notice?.refused ? (
        <FormError message={t("files.notAttached", { names: notice.refused.split("|").join(", ") })} />
      ) : null}
      {status}
      {asking && owner ? (
        <div
          role="alert"
          data-testid="owner-confirm"
          className="mb-2 flex flex-wrap items-center gap-2 rounded-card border border-line bg-surface px-3 py-2 text-sm"
        >
          <span className="mr-auto">{t("assign.confirm", { name: owner })}</span>
          <button type="button" className={buttonClass("ghost", "sm")} onClick={() => setAsking(false)}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className={buttonClass("primary", "sm")}
            onClick={(e) => {
              answerAnyway.current = owner;
              e.currentTarget.form?.requestSubmit();
            }}
          >
            {t("assign.replyAnyway")}
          </button>
        </div>
      ) : null}
      {dragging ? <p className="mb-2 text-sm font-medium text-accent-ink">{t("files.dropHere")}</p> : null}
      {files.problem ? <FormError message={files.problem} /> : null}
      <UploadTraySlot uploads={files.uploads} onRemove={files.remove} />
      {/* A label, so the picker opens without JavaScript too; on phones it offers the camera and the gallery. */}
      <input
        ref={picker}
        id="message-files"
        type="file"
        name="files"
        multiple
        accept={ACCEPT}
        className="peer sr-only"
        aria-describedby="message-files-hint"
        onChange={(e) => {
          // From the first moment React handles it: files chosen just as the page hydrated (after
          // useUploads took what was there already) must not wait for this component's next render.
          if (!e.currentTarget.files?.length) return;
          files.add(e.currentTarget.files);
          e.currentTarget.value = ""; // uploaded already: the form must not post them again
        }}
      />
      <div
        className={`relative rounded-card border focus-within:border-accent peer-focus-visible:border-accent ${noteMode ? "border-note-line bg-note" : "border-line bg-surface"}`}
      >
        <label className="sr-only" htmlFor="message-body">
          {t("thread.message")}
        </label>
        <textarea
          ref={box}
          id="message-body"
          name="body"
          rows={1}
          value={draft}
          onChange={(e) => {
            const value = e.target.value;
            const caret = e.target.selectionStart;
            // One "/" (a reply) or "@" (a note) just typed at the start of a word, not inside a date or an
            // address: the toolbar's saved replies or people open.
            if (
              allowNotes &&
              value.length === draft.length + 1 &&
              value[caret - 1] === (noteMode ? "@" : "/") &&
              (caret === 1 || /\s/.test(value[caret - 2] ?? ""))
            )
              setSlashAt(caret - 1);
            setDraft(value);
            typing?.(e.target.value.trim() ? (noteMode ? "note" : "reply") : null);
          }}
          onPaste={(e) => {
            if (!e.clipboardData.files.length) return;
            e.preventDefault();
            files.add(e.clipboardData.files);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey))
              e.currentTarget.form?.requestSubmit(
                noteMode ? e.currentTarget.form.querySelector<HTMLElement>("[data-note]") : undefined,
              );
          }}
          placeholder={noteMode ? t("thread.noteHint") : (placeholder ?? t("thread.placeholder"))}
          aria-invalid={Boolean(failed?.fieldErrors?.body)}
          aria-describedby={failed?.fieldErrors?.body ? "message-body-error message-body-hint" : "message-body-hint"}
          className="block max-h-48 min-h-11 w-full resize-none field-sizing-content rounded-t-card bg-transparent px-3 py-2.5 text-base outline-none aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-danger"
        />
        <div className="flex flex-wrap items-center gap-1 px-1 pb-1">
          <label
            htmlFor="message-files"
            title={t("files.attach")}
            className="inline-flex size-11 cursor-pointer items-center justify-center rounded-control text-muted hover:bg-slate-100 hover:text-ink"
          >
            <Paperclip aria-hidden="true" className="size-5" />
            <span className="sr-only">{t("files.attach")}</span>
          </label>
          <ComposerToolsContext value={tools}>{noteMode ? noteTools : options}</ComposerToolsContext>
          {allowNotes && hydrated ? (
            <button
              type="button"
              aria-pressed={noteMode}
              title={t("thread.noteHint")}
              onClick={() => {
                setNoteMode(!noteMode);
                setSlashAt(null);
                if (draft.trim()) typing?.(noteMode ? "reply" : "note");
                box.current?.focus();
              }}
              className={`inline-flex min-h-11 items-center gap-1.5 rounded-control px-2.5 text-sm ${noteMode ? "bg-note text-note-ink ring-1 ring-note-line" : "text-muted hover:bg-slate-100 hover:text-ink"}`}
            >
              <StickyNote aria-hidden="true" className="size-4" />
              {t("thread.noteMode")}
            </button>
          ) : null}
          <span className="flex-1" />
          {hydrated ? null : (
            // Without JavaScript, files travel with the text in one post to the upload route.
            <button
              type="submit"
              formAction={`/api/conversations/${encodeURIComponent(conversationId)}/attachments?send=1`}
              formEncType="multipart/form-data"
              formMethod="post"
              className={buttonClass("secondary", "sm")}
            >
              {t("files.sendWithFiles")}
            </button>
          )}
          {/* Without JavaScript the toggle cannot work: both buttons are there. */}
          {allowNotes && (noteMode || !hydrated) ? (
            <button
              type="submit"
              data-note="1"
              formAction={noteAction}
              disabled={noting}
              onClick={() => {
                setClientError(null);
                noteBody.current = draft;
              }}
              title={t("thread.noteHint")}
              className={`${buttonClass(noteMode ? "primary" : "secondary", "sm")} ${noteMode ? "" : "border-note-line bg-note text-note-ink hover:bg-note"}`}
            >
              <StickyNote aria-hidden="true" className="size-4" />
              {noting ? t("thread.savingNote") : t("thread.addNote")}
            </button>
          ) : null}
          {noteMode ? null : (
            <button type="submit" className={buttonClass("primary", "sm")}>
              <SendHorizontal aria-hidden="true" className="size-4" />
              {t("thread.send")}
            </button>
          )}
        </div>
      </div>
      <FieldError id="message-body-error" messages={failed?.fieldErrors?.body} />
      {unfilled && !failed?.fieldErrors?.body ? (
        <p role="status" data-testid="unfilled-variable" className="mt-1 text-xs text-danger">
          {t("errors.unfilledVariable", { name: `{{${unfilled}}}` })}
        </p>
      ) : null}
      <p id="message-body-hint" className="mt-1 hidden text-xs text-muted sm:block">
        {t("thread.sendHint")}
      </p>
      <p id="message-files-hint" className="sr-only">
        {t("files.attachHint", { size: maxMb })}
      </p>
      {draft.length > MESSAGE_MAX_LENGTH * 0.9 ? (
        <p className="mt-1 text-xs text-muted">
          {t("thread.characters", { count: draft.length, max: MESSAGE_MAX_LENGTH })}
        </p>
      ) : null}
    </form>
  );
}
