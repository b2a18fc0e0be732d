const HUES = [188, 150, 262, 25, 300, 60, 220, 340];

/** Initials on a colour drawn from the name: the same person always looks the same. Decorative: the name is beside it. */
export function Avatar({ name, size = "md" }: { name: string; size?: "sm" | "md" }) {
  const words = name.trim().split(/\s+/);
  const initials = `${words[0]?.[0] ?? ""}${words.length > 1 ? (words.at(-1)?.[0] ?? "") : ""}`.toUpperCase();
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = HUES[hash % HUES.length];
  return (
    <span
      aria-hidden="true"
      style={{ backgroundColor: `oklch(48% 0.09 ${hue})` }}
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-on-accent ${size === "sm" ? "size-7 text-xs" : "size-9 text-sm"}`}
    >
      {initials}
    </span>
  );
}
