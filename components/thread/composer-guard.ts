import { createContext } from "react";

/**
 * The first name of the colleague who owns this thread, when it is not the reader: the reply
 * box then asks once before a reply goes out ("Mia has this thread. Reply anyway?"). Provided
 * on staff thread pages (components/inbox/assignment.tsx); null elsewhere.
 */
export const ComposerGuardContext = createContext<string | null>(null);
