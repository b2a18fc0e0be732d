"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import { formatBytes } from "@/lib/text/format";
import type { Upload } from "./use-uploads";

/** The files chosen for the next message: progress while uploading, cancel or remove, and why one was refused. */
export function UploadTray({ uploads, onRemove }: { uploads: Upload[]; onRemove: (localId: string) => void }) {
  const t = useTranslations();
  const locale = useLocale();
  if (uploads.length === 0) return null;
  return (
    <ul className="mb-2 flex flex-col gap-1" aria-label={t("files.attach")} data-testid="upload-tray">
      {uploads.map((u) => (
        <li
          key={u.localId}
          data-status={u.status}
          className={`flex flex-wrap items-center gap-2 rounded-md border px-2 py-1 text-sm ${u.status === "refused" || u.status === "failed" ? "border-red-300 bg-red-50 text-red-950" : "border-slate-200 bg-slate-50"}`}
        >
          <span className="min-w-0 flex-1 truncate">{u.name}</span>
          <span className="text-xs text-slate-600">{formatBytes(u.size, locale)}</span>
          {u.status === "uploading" ? (
            <progress
              className="h-2 w-24 accent-teal-700"
              max={1}
              value={u.progress}
              aria-label={t("files.uploading", { name: u.name })}
            />
          ) : null}
          {u.status === "ready" ? <span className="sr-only">{t("files.uploaded", { name: u.name })}</span> : null}
          <button
            type="button"
            onClick={() => onRemove(u.localId)}
            aria-label={
              u.status === "uploading" ? t("files.cancel", { name: u.name }) : t("files.remove", { name: u.name })
            }
            className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-control text-slate-700 hover:bg-slate-200 sm:min-h-8 sm:min-w-8"
          >
            <span aria-hidden="true">×</span>
          </button>
          {u.error ? (
            <p role="alert" className="w-full text-xs">
              {u.error}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
