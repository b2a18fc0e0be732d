/** What the composer's form hears once a message has left: its options (staff) go back to off. */
export const COMPOSER_SENT_EVENT = "shiftline:composer-sent";
