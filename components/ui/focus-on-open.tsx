"use client";

import { useEffect } from "react";

/**
 * Moves focus to the element `id` when it mounts (give it a `key` per item): after
 * opening a conversation, focus lands on its heading instead of falling back to the page.
 */
export function FocusOnOpen({ id }: { id: string }) {
  useEffect(() => {
    document.getElementById(id)?.focus({ preventScroll: true });
  }, [id]);
  return null;
}
