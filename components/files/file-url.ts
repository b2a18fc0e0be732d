/** The download route of a stored file (app/api/files/[attachmentId]): its thumbnail, or a forced download. */
export const fileUrl = (id: string, opts: { thumb?: boolean; download?: boolean } = {}) =>
  `/api/files/${encodeURIComponent(id)}${opts.thumb ? "?v=thumb" : opts.download ? "?download=1" : ""}`;
