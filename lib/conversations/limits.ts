// Limits shared by the server's schemas and the browser's checks (no zod here: it ships to the browser).
export const MESSAGE_MAX_LENGTH = 4000;
