import { createContext } from "react";

/**
 * What the reply box offers the tools in its toolbar (the saved-reply picker, send later): text
 * inserted at the cursor, or in place of the "/" that opened them; where that "/" was typed; a fresh box.
 */
export type ComposerTools = {
  insert(text: string): void;
  /** Where a "/" typed at the start of a word is (it opens the picker), or null. */
  slashAt: number | null;
  /** The picker closed without a choice: the "/" stays as typed, the cursor goes back after it. */
  dismissSlash(): void;
  /** What was typed left another way (scheduled to send later): the box starts a new message. */
  clear(): void;
};

export const ComposerToolsContext = createContext<ComposerTools | null>(null);
