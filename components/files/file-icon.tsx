// A document's kind at a glance, by shape and label (not colour alone).
const LABELS: [RegExp, string][] = [
  [/pdf/, "PDF"],
  [/word|opendocument\.text|msword/, "DOC"],
  [/sheet|excel|csv/, "XLS"],
  [/presentation|powerpoint/, "PPT"],
  [/^text\//, "TXT"],
  [/^image\//, "IMG"],
];

export function FileIcon({ mimeType }: { mimeType: string }) {
  const label = LABELS.find(([re]) => re.test(mimeType))?.[1] ?? "FILE";
  return (
    <span
      aria-hidden="true"
      className="inline-flex h-8 w-7 shrink-0 items-end justify-center rounded-sm border border-slate-400 bg-slate-50 pb-0.5 text-[9px] font-bold text-slate-700"
    >
      {label}
    </span>
  );
}
