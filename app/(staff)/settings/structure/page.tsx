import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireAdminPage } from "@/lib/auth/pages";
import { listStructure, type StructureKind } from "@/lib/admin/structure";
import { archiveItemAction, createItemAction, renameItemAction } from "@/lib/admin/actions";
import { ActionButton } from "@/components/ui/action-button";
import { NameForm } from "@/components/admin/name-form";
import { BackLink } from "@/components/ui/back-link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations())("structure.title") };
}

type Item = { id: string; name: string; archivedAt: Date | null };

/** Departments and their groups, skills, tags and activities: add, rename, archive, restore. Nothing is deleted. */
export default async function StructurePage() {
  const admin = await requireAdminPage();
  const [t, s] = await Promise.all([getTranslations(), listStructure(admin)]);
  const row = (kind: StructureKind, item: Item, extra?: React.ReactNode) => (
    <li key={item.id} className="space-y-1 py-2" data-testid={`${kind}-item`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className={`font-medium ${item.archivedAt ? "text-slate-500 line-through" : ""}`}>{item.name}</span>
        {item.archivedAt ? (
          <span className="rounded bg-slate-200 px-1.5 text-xs text-slate-800">{t("structure.archived")}</span>
        ) : null}
        <ActionButton
          action={archiveItemAction}
          fields={{ kind, id: item.id, archived: item.archivedAt ? "false" : "true" }}
          label={item.archivedAt ? t("structure.restore") : t("structure.archive")}
          className="min-h-11 text-sm text-slate-700 underline"
        />
      </div>
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-teal-800">
          {t("structure.rename")}
        </summary>
        <NameForm
          action={renameItemAction}
          fields={{ kind, id: item.id }}
          label={t("structure.newName", { name: item.name })}
          submitLabel={t("structure.save")}
          defaultValue={item.name}
        />
      </details>
      {extra}
    </li>
  );
  const section = (kind: StructureKind, title: string, items: Item[], children?: (item: Item) => React.ReactNode) => (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`} className="font-medium">
        {title}
      </h2>
      <ul className="divide-y divide-slate-100">{items.map((i) => row(kind, i, children?.(i)))}</ul>
      <NameForm
        action={createItemAction}
        fields={{ kind }}
        label={t("structure.addLabel", { what: title })}
        submitLabel={t("structure.add")}
        testId={`add-${kind}`}
      />
    </section>
  );
  return (
    <div className="max-w-3xl space-y-4 p-4 sm:p-6">
      <BackLink href="/settings">{t("settings.title")}</BackLink>
      <h1 className="text-xl font-semibold">{t("structure.title")}</h1>
      <p className="text-sm text-slate-600">{t("structure.help")}</p>
      {section("department", t("structure.departments"), s.departments, (d) => {
        const dept = s.departments.find((x) => x.id === d.id)!;
        return (
          <div className="mb-2 ml-4 border-l-2 border-slate-100 pl-3">
            <h3 className="text-sm text-slate-600">{t("structure.groupsOf", { name: d.name })}</h3>
            <ul className="divide-y divide-slate-100">{dept.groups.map((g) => row("group", g))}</ul>
            {!d.archivedAt ? (
              <NameForm
                action={createItemAction}
                fields={{ kind: "group", departmentId: d.id }}
                label={t("structure.addGroup", { name: d.name })}
                submitLabel={t("structure.add")}
                testId={`add-group-${d.name}`}
              />
            ) : null}
          </div>
        );
      })}
      {section("skill", t("structure.skills"), s.skills)}
      {section("tag", t("structure.tags"), s.tags)}
      {section("activity", t("structure.activities"), s.activities)}
    </div>
  );
}
