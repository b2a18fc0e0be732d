"use client";

import { useRouter } from "next/navigation";

/**
 * Submits the GET form inside it when a select or checkbox changes, through the
 * client router (no full reload). Without JavaScript the form's button does it.
 */
export function AutoSubmit({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  return (
    <div
      onChange={(e) => {
        const el = e.target as HTMLInputElement | HTMLSelectElement;
        if (el.tagName !== "SELECT" && el.type !== "checkbox") return;
        const form = el.form;
        if (!form) return;
        const params = new URLSearchParams();
        for (const [k, v] of new FormData(form).entries()) if (typeof v === "string" && v !== "") params.set(k, v);
        if (params.get("sort") === "latest") params.delete("sort");
        const qs = params.toString();
        router.replace(`${form.getAttribute("action") ?? ""}${qs ? `?${qs}` : ""}`);
      }}
    >
      {children}
    </div>
  );
}
