/** A message whose actions were asked for (its ⋯, Enter, a right click or a long press), and where to show them. */
export type MessageMenuTarget = { seq: number; anchor: HTMLElement };

export const MESSAGE_MENU_EVENT = "shiftline:message-menu";

/**
 * Asks the page's message menu to open. The menu is staff-only and drawn by the staff
 * thread page, so a teammate's page carries none of its code: the list only says what
 * was asked for.
 */
export function openMessageMenu(target: MessageMenuTarget) {
  window.dispatchEvent(new CustomEvent<MessageMenuTarget>(MESSAGE_MENU_EVENT, { detail: target }));
}
