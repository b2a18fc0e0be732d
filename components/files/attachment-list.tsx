"use client";

import { useLocale, useTranslations } from "@/lib/i18n/client";
import type { WireAttachment } from "@/lib/realtime/event-types";
import { formatBytes } from "@/lib/text/format";
import { FileIcon } from "./file-icon";
import { fileUrl } from "./file-url";

/** A message's files: pictures as thumbnails, other files as a card with icon, name and size. Each opens the file. */
export function AttachmentList({ files, own }: { files: WireAttachment[]; own: boolean }) {
  const t = useTranslations();
  const locale = useLocale();
  if (files.length === 0) return null;
  const images = files.filter((f) => f.mimeType.startsWith("image/"));
  const others = files.filter((f) => !f.mimeType.startsWith("image/"));
  return (
    <div className={`mt-1 flex flex-col gap-1 ${own ? "items-end" : "items-start"}`} data-testid="attachments">
      {images.length ? (
        <ul className="flex flex-wrap gap-1">
          {images.map((f) => (
            <li key={f.id}>
              <a
                href={fileUrl(f.id)}
                target="_blank"
                rel="noopener"
                className="block overflow-hidden rounded-lg border border-slate-200"
                title={f.name}
              >
                {/* A server-made thumbnail: the thread never loads the full picture. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={fileUrl(f.id, { thumb: true })}
                  alt={t("files.picture", { name: f.name })}
                  width={f.width ?? 160}
                  height={f.height ?? 120}
                  loading="lazy"
                  className="h-auto max-h-48 w-auto max-w-[12rem] object-cover"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {others.map((f) => (
        // A document downloads and opens in the device's own viewer (the server sends it as an attachment).
        <a
          key={f.id}
          href={fileUrl(f.id)}
          download={f.name}
          className="flex min-h-11 max-w-full items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm text-slate-900 hover:bg-slate-50"
          aria-label={t("files.open", { name: f.name })}
        >
          <FileIcon mimeType={f.mimeType} />
          <span className="min-w-0 truncate font-medium">{f.name}</span>
          <span className="shrink-0 text-xs text-slate-600">{formatBytes(f.size, locale)}</span>
        </a>
      ))}
    </div>
  );
}
