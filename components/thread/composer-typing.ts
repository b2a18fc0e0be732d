import { createContext } from "react";

/**
 * What the reply box tells as it is typed in: a reply or a private note, or null (sent, emptied).
 * Provided on staff thread pages only (components/presence); elsewhere the box tells nothing.
 */
export const ComposerTypingContext = createContext<((kind: "reply" | "note" | null) => void) | null>(null);
