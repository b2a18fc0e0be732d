"use client";

import { useEffect, useState } from "react";
import type { UploadTray } from "./upload-tray";
import type { Upload } from "./use-uploads";

/**
 * Where the chosen files show (`UploadTray`), whose code comes with the upload code once there
 * are files (decision 017). A load that fails (offline, before it ever came) is tried again at
 * the next change of the files.
 */
export function UploadTraySlot({ uploads, onRemove }: { uploads: Upload[]; onRemove: (localId: string) => void }) {
  const [tray, setTray] = useState<{ Tray: typeof UploadTray } | null>(null);
  useEffect(() => {
    if (tray || uploads.length === 0) return;
    let current = true;
    import("./upload-engine").then(
      ({ UploadTray: Tray }) => current && setTray({ Tray }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [tray, uploads]);
  return tray ? <tray.Tray uploads={uploads} onRemove={onRemove} /> : null;
}
