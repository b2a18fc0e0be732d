"use client";

import { useActionState } from "react";
import { useTranslations } from "@/lib/i18n/client";
import { previewImportAction, runImportAction } from "@/lib/admin/actions";
import { Button } from "@/components/ui/button";
import { FieldError, FormError } from "@/components/ui/field-error";

/**
 * A CSV of teammates: first a preview, row by row, with each row's problems; the import
 * is offered only when every row is right, and then goes whole or not at all.
 */
export function ImportForm() {
  const t = useTranslations();
  const [preview, previewAction, previewing] = useActionState(previewImportAction, null);
  const [done, runAction, running] = useActionState(runImportAction, null);
  const plan = preview?.ok ? preview : null;
  const failed = preview && !preview.ok ? preview : null;
  if (done?.ok)
    return (
      <p role="status" className="rounded-control border border-teal-200 bg-teal-50 px-3 py-2 text-sm text-teal-900">
        {t("import.done", { count: done.imported })}
      </p>
    );
  const bad = plan?.rows.filter((r) => r.problems.length).length ?? 0;
  return (
    <div className="space-y-4">
      <form action={previewAction} className="space-y-3" data-testid="import-preview-form">
        <label className="block text-sm font-medium">
          {t("import.file")}
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            aria-describedby="file-error"
            className="mt-1 block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3"
          />
        </label>
        <FieldError id="file-error" messages={failed?.fieldErrors?.file} />
        <FormError message={failed && !failed.fieldErrors ? failed.error : undefined} />
        <Button type="submit" variant="secondary" disabled={previewing}>
          {t("import.preview")}
        </Button>
      </form>
      {plan ? (
        <section aria-label={t("import.previewTitle")} className="space-y-3">
          {plan.problems.map((p) => (
            <p key={p} role="alert" className="text-sm text-red-700">
              {p}
            </p>
          ))}
          {plan.rows.length ? (
            <p className={`text-sm ${bad ? "text-red-700" : "text-slate-700"}`} data-testid="import-summary">
              {bad
                ? t("import.refused", { count: plan.rows.length, bad })
                : t("import.ready", { count: plan.rows.length })}
            </p>
          ) : null}
          {plan.rows.length ? (
            <div className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-left text-sm">
                <thead className="bg-slate-50 text-slate-600">
                  <tr>
                    <th className="px-3 py-2 font-medium">{t("import.line")}</th>
                    <th className="px-3 py-2 font-medium">{t("teammates.name")}</th>
                    <th className="px-3 py-2 font-medium">{t("auth.email")}</th>
                    <th className="px-3 py-2 font-medium">{t("teammates.department")}</th>
                    <th className="px-3 py-2 font-medium">{t("import.problems")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {plan.rows.map((r) => (
                    <tr key={r.line} data-testid="import-row" className={r.problems.length ? "bg-red-50" : undefined}>
                      <td className="px-3 py-2">{r.line}</td>
                      <td className="px-3 py-2">{r.name}</td>
                      <td className="px-3 py-2">{r.email}</td>
                      <td className="px-3 py-2">{r.department ?? "—"}</td>
                      <td className="px-3 py-2 text-red-800">{r.problems.join(" ") || "✓"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {plan.valid ? (
            <form action={runAction} className="space-y-3">
              <textarea name="csv" defaultValue={plan.csv} hidden readOnly />
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="invite" defaultChecked className="size-5" />
                {t("import.invite")}
              </label>
              <FormError message={done && !done.ok ? done.error : undefined} />
              <Button type="submit" disabled={running}>
                {t("import.run", { count: plan.rows.length })}
              </Button>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
