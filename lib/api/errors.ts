// Thrown by authorization checks and domain code; the action and route builders
// turn them into the one result shape. Not found and not allowed look the same
// to a caller outside the organisation.
export class NotFoundError extends Error {
  constructor(what = "This item") {
    super(`${what} was not found.`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message = "You are not allowed to do this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super("Your session has ended. Please sign in again.");
    this.name = "UnauthenticatedError";
  }
}

/** A rule of the domain the user broke; its message is shown as is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}
