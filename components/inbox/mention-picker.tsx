"use client";

import { InsertPicker } from "@/components/thread/insert-picker";
import { AtSign } from "@/components/ui/icons/at-sign";
import { useTranslations } from "@/lib/i18n/client";

/** In a private note, "@" or the button names a colleague: they are told once the note is saved. */
export function MentionPicker({ people }: { people: { id: string; name: string }[] }) {
  const t = useTranslations();
  return (
    <InsertPicker
      testId="mention-picker"
      icon={<AtSign aria-hidden="true" className="size-5" />}
      label={t("mention.open")}
      searchLabel={t("mention.search")}
      noMatch={t("mention.noMatch")}
      items={people.map((p) => ({ id: p.id, title: p.name, detail: "", text: `@${p.name} ` }))}
    />
  );
}
