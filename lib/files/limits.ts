// What a page with a file picker needs before any file is chosen, apart from the table of
// types (./policy.ts), which loads with the upload code (decision 017).

/** For the file picker's `accept`: the extensions of ./policy.ts's table, written out; a test holds them to it. */
export const ACCEPT =
  ".jpg,.jpeg,.png,.webp,.gif,.pdf,.doc,.xls,.ppt,.docx,.xlsx,.pptx,.odt,.ods,.odp,.txt,.text,.log,.csv";

export const DEFAULT_MAX_FILE_BYTES = 25 * 1024 * 1024;
/** Files one message may carry. */
export const MAX_FILES_PER_MESSAGE = 10;
