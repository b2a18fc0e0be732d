// One line per kind of trouble per minute at most: a database that is down or a disk that is
// full fails every request, and a log that repeats it thousands of times hides everything else.

const last = new Map<string, { at: number; skipped: number }>();

/** Logs `line` unless a line of the same `key` was logged less than `everyMs` ago; says how many it left out. */
export function logRateLimited(key: string, line: string, everyMs = 60_000, now = Date.now()): boolean {
  const seen = last.get(key);
  if (seen && now - seen.at < everyMs) {
    seen.skipped++;
    return false;
  }
  console.error(
    seen?.skipped ? `${line} (${seen.skipped} more like it in the last ${Math.round((now - seen.at) / 1000)} s)` : line,
  );
  last.set(key, { at: now, skipped: 0 });
  return true;
}
