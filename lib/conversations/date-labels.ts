import { getLocale } from "next-intl/server";
import { dateLabels, type DateLabels } from "@/lib/text/format";
import type { ThreadMessage, ThreadNote } from "./wire";

/**
 * The dates a thread's first render writes (each message's and note's time and day, a shift
 * card's, a confirmation's), in the reader's language: the page's browser starts from these
 * and builds no Intl object of its own to draw them (`seedDateLabels`).
 */
export async function threadDateLabels(
  messages: ThreadMessage[],
  notes: ThreadNote[],
  timeZone: string,
): Promise<DateLabels> {
  const dates = [
    ...messages.flatMap((m) => [
      m.createdAt,
      ...(m.shift ? [m.shift.startsAt, m.shift.endsAt] : []),
      ...(m.confirm?.at ? [new Date(m.confirm.at)] : []),
    ]),
    ...notes.map((n) => n.createdAt),
  ];
  return dateLabels(dates, timeZone, await getLocale());
}
