import { translatorFor } from "@/lib/i18n/translator";
import { resolveValues, type Text, type TextValue } from "@/lib/i18n/text";

// Thrown by authorization checks and domain code; the action and route builders
// turn them into the one result shape, translated into the reader's language
// (the catalogue key and values travel with the error). Their `message` is the
// English text, for logs. Not found and not allowed look the same to a caller
// outside the organisation.
abstract class TextError extends Error {
  readonly text: Text;
  constructor(key: string, values?: Record<string, TextValue>) {
    super(translatorFor("en")(key, resolveValues(values, "en")));
    this.text = { key, values };
  }
}

export class NotFoundError extends TextError {
  /** `key` names what was not found: "errors.notFound.shift" ("This shift was not found."). */
  constructor(key = "errors.notFound.item") {
    super(key);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends TextError {
  constructor(key = "errors.forbidden") {
    super(key);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends TextError {
  constructor() {
    super("errors.sessionEnded");
    this.name = "UnauthenticatedError";
  }
}

/** A rule of the domain the user broke; shown to them, in their language. */
export class UserError extends TextError {
  constructor(
    key: string,
    values?: Record<string, TextValue>,
    readonly field?: string,
  ) {
    super(key, values);
    this.name = "UserError";
  }
}

/** A request no page of this app sends (a body of the wrong kind): answered 400, with what to do. */
export class BadRequestError extends UserError {
  constructor(key = "errors.staleRequest") {
    super(key);
    this.name = "BadRequestError";
  }
}
