"use client";

import { useEffect, useRef, useState } from "react";
import { MESSAGE_MENU_EVENT, type MessageMenuTarget } from "./message-menu-event";

/**
 * Loads a thread's message menu (and what it opens) when a message's menu is first asked
 * for, so a thread's first load carries none of its code (issue 28). `load` brings the
 * module; `children` draws it, with the request that opened it (the menu then listens on its
 * own). A load that fails (offline, before the code was ever fetched) is tried again at the
 * next request.
 */
export function OnFirstMenu<M>({
  load,
  children,
}: {
  /** A module-level function (a new one each render would listen anew each render). */
  load: () => Promise<M>;
  children: (loaded: M, first: MessageMenuTarget) => React.ReactNode;
}) {
  const [state, setState] = useState<{ loaded: M; first: MessageMenuTarget } | null>(null);
  const loading = useRef(false);
  useEffect(() => {
    if (state) return;
    const open = (e: Event) => {
      const first = (e as CustomEvent<MessageMenuTarget>).detail;
      if (loading.current) return;
      loading.current = true;
      load()
        .then((loaded) => setState({ loaded, first }))
        .catch(() => void 0)
        .finally(() => (loading.current = false));
    };
    window.addEventListener(MESSAGE_MENU_EVENT, open);
    return () => window.removeEventListener(MESSAGE_MENU_EVENT, open);
  }, [state, load]);
  return state ? children(state.loaded, state.first) : null;
}

const staffMenu = () => import("./message-menu");

/** The staff thread's message menu (`MessageMenu`), loaded when first asked for. */
export function StaffMessageMenu(props: { conversationId: string; listQuery: string }) {
  return <OnFirstMenu load={staffMenu}>{(m, first) => <m.MessageMenu {...props} first={first} />}</OnFirstMenu>;
}
