// What the composer's form without JavaScript comes back with, in the thread's
// address (see app/api/conversations/[conversationId]/attachments): read here so
// that only known shapes reach the page.

export type ComposerNotice = { error?: string; draft?: string; refused?: string };
type Params = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** `t`: the page's translator; the error comes back as its text, in the reader's language. */
export function readComposerNotice(
  params: Params,
  t: { (key: string): string; has(key: string): boolean },
): ComposerNotice | undefined {
  const error = one(params.error);
  const notice: ComposerNotice = {
    error: error && /^errors\.[A-Za-z.]{1,60}$/.test(error) && t.has(error) ? t(error) : undefined,
    draft: one(params.draft)?.slice(0, 4000),
    refused: one(params.refused)?.slice(0, 1000),
  };
  return notice.error || notice.draft || notice.refused ? notice : undefined;
}
