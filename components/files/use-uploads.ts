"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useTranslations } from "@/lib/i18n/client";
import type { WireAttachment } from "@/lib/realtime/event-types";
import { DEFAULT_MAX_FILE_BYTES, MAX_FILES_PER_MESSAGE } from "@/lib/files/limits";

// The composer's files: each one uploads on its own request as soon as it is chosen
// (so each has its progress and can be cancelled), then waits on the server for the
// message that carries it. The server decides; the checks here only spare a wait.
// Their code (./upload-engine) loads when the first files are chosen (decision 017).

const engine = () => import("./upload-engine");

export type Upload = {
  localId: string;
  name: string;
  size: number;
  progress: number;
  status: "uploading" | "ready" | "refused" | "failed";
  attachment?: WireAttachment;
  error?: string;
};

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
  // Files that could not even be taken (offline before the upload code came): why, until the next choice.
  const [problem, setProblem] = useState<string | null>(null);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  // The list as of the last change, for counting without a state updater (those must not start uploads).
  const current = useRef<Upload[]>([]);
  useEffect(() => {
    current.current = uploads;
  }, [uploads]);
  const patch = (id: string, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.localId === id ? { ...u, ...change } : u)));

  const add = useCallback(
    (files: Iterable<File>) => {
      // Taken now: the picker is emptied as soon as this returns.
      const chosen = [...files];
      if (!chosen.length) return;
      engine().then(
        ({ refusal, upload }) => {
          setProblem(null);
          const room =
            MAX_FILES_PER_MESSAGE -
            current.current.filter((u) => u.status === "uploading" || u.status === "ready").length;
          const next = chosen.map((file, i): Upload => {
            const error = refusal(file, i < room, maxBytes, messages);
            return {
              localId: crypto.randomUUID(),
              name: file.name || "file",
              size: file.size,
              progress: 0,
              status: error ? "refused" : "uploading",
              error,
            };
          });
          current.current = [...current.current, ...next];
          setUploads((list) => [...list, ...next]);
          next.forEach((u, i) => {
            if (u.status !== "uploading") return;
            const xhr = upload(
              uploadUrl,
              chosen[i]!,
              (progress) => patch(u.localId, { progress }),
              (answer) => {
                requests.current.delete(u.localId);
                if (answer?.file) patch(u.localId, { status: "ready", progress: 1, attachment: answer.file });
                else if (answer?.refused) patch(u.localId, { status: "refused", error: answer.refused });
                else patch(u.localId, { status: "failed", error: messages.failed(u.name) });
              },
            );
            requests.current.set(u.localId, xhr);
          });
        },
        // Offline before this code ever came: uploading needs the network anyway.
        () => setProblem(messages.failed(chosen.map((file) => file.name || "file").join(", "))),
      );
    },
    [uploadUrl, maxBytes, messages],
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
    problem,
    add,
    remove,
    restore,
    clear,
    busy: uploads.some((u) => u.status === "uploading"),
    ready: uploads.filter((u) => u.status === "ready").map((u) => u.attachment!),
  };
}
