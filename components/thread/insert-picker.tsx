"use client";

import { Link } from "@/components/ui/link";
import { useContext, useEffect, useId, useRef, useState } from "react";
import { ComposerToolsContext } from "./composer-context";

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export type PickerItem = {
  id: string;
  title: string;
  /** Shown under the title, and searched too. */
  detail: string;
  /** What the choice inserts. */
  text: string;
  /** Said under the item in the danger colour (a saved reply's variables without a value). */
  warning?: string;
};

/**
 * A reply-box tool: a button, or its trigger typed at the start of a word ("/" for saved
 * replies, "@" for people in a note), opens a searchable list; a choice is inserted at the
 * cursor, in place of the trigger. Arrow keys move, Enter chooses, Escape leaves it as typed.
 */
export function InsertPicker({
  items,
  icon,
  label,
  searchLabel,
  noMatch,
  manage,
  testId,
}: {
  items: PickerItem[];
  icon: React.ReactNode;
  label: string;
  searchLabel: string;
  noMatch: string;
  manage?: { href: string; label: string };
  testId: string;
}) {
  const tools = useContext(ComposerToolsContext);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const search = useRef<HTMLInputElement>(null);
  const listId = useId();
  const shown = open || (tools?.slashAt ?? null) !== null;
  useEffect(() => {
    if (shown) search.current?.focus();
  }, [shown]);
  if (!tools) return null;
  const q = fold(query.trim());
  // What starts a word of the title first ("mi": Mia before Admin), then what holds the words anywhere.
  const rank = (i: PickerItem) =>
    fold(i.title)
      .split(/\s+/)
      .some((w) => w.startsWith(q))
      ? 0
      : 1;
  const matches = items
    .filter((i) => !q || fold(i.title).includes(q) || fold(i.detail).includes(q))
    .sort((a, b) => (q ? rank(a) - rank(b) : 0));
  const close = (choice?: PickerItem) => {
    setOpen(false);
    setQuery("");
    setActive(0);
    if (choice) tools.insert(choice.text);
    else tools.dismissSlash();
  };
  return (
    // Not positioned itself: the list opens over the whole reply box (components/thread/composer.tsx), never off a phone's edge.
    <div>
      <button
        type="button"
        aria-expanded={shown}
        aria-haspopup="listbox"
        title={label}
        onClick={() => (shown ? close() : setOpen(true))}
        className="inline-flex size-11 items-center justify-center rounded-control text-muted hover:bg-slate-100 hover:text-ink"
      >
        {icon}
        <span className="sr-only">{label}</span>
      </button>
      {shown ? (
        <div
          data-testid={testId}
          className="absolute bottom-full left-0 z-30 mb-2 w-full max-w-sm rounded-card border border-line bg-raised p-2 shadow-lg"
        >
          <input
            ref={search}
            type="search"
            value={query}
            aria-label={searchLabel}
            placeholder={searchLabel}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-activedescendant={matches[active] ? `${listId}-${matches[active].id}` : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, matches.length - 1));
              else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
              else if (e.key === "Enter") close(matches[active]);
              else if (e.key === "Escape") close();
              else return;
              e.preventDefault();
            }}
            className="block min-h-11 w-full rounded-control border border-line bg-surface px-3 text-sm sm:min-h-9"
          />
          <ul id={listId} role="listbox" aria-label={label} className="mt-1 max-h-64 overflow-y-auto">
            {matches.map((item, i) => (
              <li
                key={item.id}
                id={`${listId}-${item.id}`}
                role="option"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => close(item)}
                className="cursor-pointer rounded-control px-2 py-1.5 text-sm aria-selected:bg-accent-soft"
              >
                <span className="block font-medium">{item.title}</span>
                {item.detail ? <span className="block truncate text-xs text-muted">{item.detail}</span> : null}
                {item.warning ? <span className="block text-xs text-danger">{item.warning}</span> : null}
              </li>
            ))}
          </ul>
          {matches.length === 0 ? <p className="px-2 py-1.5 text-sm text-muted">{noMatch}</p> : null}
          {manage ? (
            <Link href={manage.href} className="mt-1 block px-2 py-1.5 text-xs text-accent-ink underline">
              {manage.label}
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
