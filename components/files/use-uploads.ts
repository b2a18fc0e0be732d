"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { WireAttachment } from "@/lib/realtime/event-types";
import { ALLOWED_TYPES, DEFAULT_MAX_FILE_BYTES, extensionOf, MAX_FILES_PER_MESSAGE } from "@/lib/files/policy";

// The composer's files: each one uploads on its own request as soon as it is chosen
// (so each has its progress and can be cancelled), then waits on the server for the
// message that carries it. The server decides; the checks here only spare a wait.

export type Upload = {
  localId: string;
  name: string;
  size: number;
  progress: number;
  status: "uploading" | "ready" | "refused" | "failed";
  attachment?: WireAttachment;
  error?: string;
};

const EXTENSIONS = new Set(Object.values(ALLOWED_TYPES).flatMap((t) => t.ext));

/**
 * `uploadUrl`: the conversation's (or a grouped message's) attachments route; `picker`: the
 * form's file input, whose files chosen before hydration are taken in.
 */
export function useUploads(
  uploadUrl: string,
  picker?: RefObject<HTMLInputElement | null>,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
) {
  const t = useTranslations();
  // Built once: the callbacks below keep them, and the reader's language does not change on a page.
  const [messages] = useState(() => ({
    tooLarge: t("errors.file.tooLarge", { size: maxBytes / (1024 * 1024) }),
    type: t("errors.file.type"),
    tooMany: t("errors.file.tooMany", { max: MAX_FILES_PER_MESSAGE }),
    failed: (name: string) => t("files.uploadFailed", { name }),
  }));
  const [uploads, setUploads] = useState<Upload[]>([]);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  // The list as of the last change, for counting without a state updater (those must not start uploads).
  const current = useRef<Upload[]>([]);
  useEffect(() => {
    current.current = uploads;
  }, [uploads]);
  const patch = (id: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.localId === id ? { ...u, ...change } : u)));

  const start = useCallback(
    (file: File, localId: string) => {
      const xhr = new XMLHttpRequest();
      requests.current.set(localId, xhr);
      xhr.open("POST", uploadUrl);
      xhr.responseType = "json";
      xhr.upload.onprogress = (e) => e.lengthComputable && patch(localId, { progress: e.loaded / e.total });
      xhr.onload = () => {
        requests.current.delete(localId);
        const body = xhr.response as {
          ok?: boolean;
          files?: WireAttachment[];
          refused?: { error: string }[];
          error?: string;
        } | null;
        const file = body?.files?.[0];
        if (file) patch(localId, { status: "ready", progress: 1, attachment: file });
        else if (body?.refused?.[0] || body?.error)
          patch(localId, { status: "refused", error: body.refused?.[0]?.error ?? body.error });
        else
          setUploads((list) =>
            list.map((u) => (u.localId === localId ? { ...u, status: "failed", error: messages.failed(u.name) } : u)),
          );
      };
      xhr.onerror = () => {
        requests.current.delete(localId);
        setUploads((list) =>
          list.map((u) => (u.localId === localId ? { ...u, status: "failed", error: messages.failed(u.name) } : u)),
        );
      };
      const form = new FormData();
      form.append("files", file);
      xhr.send(form);
    },
    [uploadUrl, messages],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      const room =
        MAX_FILES_PER_MESSAGE - current.current.filter((u) => u.status === "uploading" || u.status === "ready").length;
      const next = [...files].map((file, i): Upload & { file: File } => {
        const error =
          i >= room
            ? messages.tooMany
            : file.size > maxBytes
              ? messages.tooLarge
              : extensionOf(file.name) && !EXTENSIONS.has(extensionOf(file.name))
                ? messages.type
                : undefined;
        const status = error ? "refused" : "uploading";
        return {
          file,
          localId: crypto.randomUUID(),
          name: file.name || "file",
          size: file.size,
          progress: 0,
          status,
          error,
        };
      });
      current.current = [...current.current, ...next];
      setUploads((list) => [...list, ...next.map(({ file: _file, ...u }) => u)]);
      for (const u of next) if (u.status === "uploading") start(u.file, u.localId);
    },
    [maxBytes, messages, start],
  );

  // Files picked before the page's script ran are in the input with no change event to
  // come: they upload once it runs, or a send by script would leave them behind.
  useEffect(() => {
    const input = picker?.current;
    if (!input?.files?.length) return;
    add(input.files);
    // The input is the DOM's, not a value of React's: emptied so the form does not post them again.
    // eslint-disable-next-line react-hooks/immutability
    input.value = "";
  }, [picker, add]);

  const remove = useCallback((localId: string) => {
    requests.current.get(localId)?.abort();
    requests.current.delete(localId);
    setUploads((list) => list.filter((u) => u.localId !== localId));
  }, []);

  /** Files of a message taken back for editing: already on the server, ready again. */
  const restore = useCallback((files: WireAttachment[]) => {
    const back = files.map((a): Upload => ({
      localId: crypto.randomUUID(),
      name: a.name,
      size: a.size,
      progress: 1,
      status: "ready",
      attachment: a,
    }));
    current.current = [...current.current, ...back];
    setUploads((list) => [...list, ...back]);
  }, []);

  const clear = useCallback(() => setUploads((list) => list.filter((u) => u.status === "uploading")), []);

  return {
    uploads,
    add,
    remove,
    restore,
    clear,
    busy: uploads.some((u) => u.status === "uploading"),
    ready: uploads.filter((u) => u.status === "ready").map((u) => u.attachment!),
  };
}
