/** What its author (or an admin) may do to a message, decided when its menu opens. */
export type ReviseTarget = {
  id: string;
  body: string;
  /** The reader wrote it (otherwise an admin deletes it, and the thread says so). */
  own: boolean;
  /** Its author, within the organisation's window. */
  edit: boolean;
  /** Its author, or an admin (not one already deleted). */
  delete: boolean;
  /** An admin, of an edited or deleted message: its earlier versions. */
  history: boolean;
  /** Staff wrote it: an SMS copy may have left, which is not recalled. */
  fromStaff: boolean;
};

/** A message whose actions were asked for (its ⋯, Enter, a right click or a long press), and where to show them. */
export type MessageMenuTarget = {
  seq: number;
  anchor: HTMLElement;
  /** Staff, a teammate's message: "Mark unread from here". */
  markUnread: boolean;
  revise: ReviseTarget | null;
};

export const MESSAGE_MENU_EVENT = "shiftline:message-menu";
export const REVISE_EVENT = "shiftline:revise";

export type ReviseRequest = { target: ReviseTarget; change: "edit" | "delete"; anchor: HTMLElement };

/**
 * Asks the page's message menu to open. The staff menu is drawn by the staff thread page, so
 * a teammate's page carries none of its code: the list only says what was asked for.
 */
export function openMessageMenu(target: MessageMenuTarget) {
  window.dispatchEvent(new CustomEvent<MessageMenuTarget>(MESSAGE_MENU_EVENT, { detail: target }));
}

/** Asks the thread's edit or delete dialog to open (the menu that asked closes as it opens). */
export function askRevise(request: ReviseRequest) {
  window.dispatchEvent(new CustomEvent<ReviseRequest>(REVISE_EVENT, { detail: request }));
}
