/** The one-line preview of a message shown in contact lists (whitespace folded, 140 characters). */
export function previewOf(body: string): string {
  return body.replace(/\s+/g, " ").trim().slice(0, 140);
}
