"use client";

import { useRouter } from "next/navigation";

const ARROWS = new Set(["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"]);

/**
 * Submits the GET form inside it when a select or checkbox changes, or on Enter,
 * through the client router (no full reload), leaving empty fields out of the URL. Without JavaScript the form's button does it.
 * A select moved with the keyboard applies on Enter or when focus leaves it, not at
 * every arrow press (Chromium fires a change for each).
 */
export function AutoSubmit({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const submit = (form: HTMLFormElement | null) => {
    if (!form) return;
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (typeof v === "string" && v !== "") params.set(k, v);
    if (params.get("sort") === "latest") params.delete("sort");
    const qs = params.toString();
    router.replace(`${form.getAttribute("action") ?? ""}${qs ? `?${qs}` : ""}`);
  };
  return (
    <div
      // Enter in a search box: the same client navigation, with only the filters that are set in the URL.
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.target as HTMLFormElement);
      }}
      onKeyDown={(e) => {
        const el = e.target as HTMLElement;
        if (el.tagName !== "SELECT") return;
        const select = el as HTMLSelectElement;
        if (ARROWS.has(e.key) || e.key.length === 1) select.dataset.keyed = "1";
        else if (e.key === "Enter" && select.dataset.keyed) {
          e.preventDefault();
          delete select.dataset.keyed;
          submit(select.form);
        }
      }}
      onBlur={(e) => {
        const el = e.target;
        if (el instanceof HTMLSelectElement && el.dataset.keyed === "changed") {
          delete el.dataset.keyed;
          submit(el.form);
        }
      }}
      onChange={(e) => {
        const el = e.target as HTMLInputElement | HTMLSelectElement;
        if (el.tagName === "SELECT" && el.dataset.keyed) {
          el.dataset.keyed = "changed"; // applied on Enter or blur
          return;
        }
        if (el.tagName !== "SELECT" && el.type !== "checkbox") return;
        submit(el.form);
      }}
    >
      {children}
    </div>
  );
}
