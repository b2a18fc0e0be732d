import { useSyncExternalStore } from "react";

/**
 * Whether this page reaches Shiftline, as the page observes it: "offline" when a request
 * failed for want of a network (or the browser says it has none), "down" when Shiftline's
 * proxy answers that it is not there (502-504). `navigator.onLine` is only one signal:
 * phones report true on Wi-Fi without internet, behind a captive portal or on dead mobile
 * data, and some Chromium builds report true in a page reloaded offline.
 * Once unreachable, the page asks `/api/ping` again, sooner then less often, until it answers.
 */
export type Reach = "online" | "offline" | "down";

const PING = "/api/ping";
const FIRST_PROBE_MS = 1_000;
const MAX_PROBE_MS = 15_000;

type Env = {
  fetch: typeof fetch;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
};

/** A proxy saying it cannot reach Shiftline, or Shiftline saying its database is away: try again later. */
export const isGatewayFailure = (status: number) => status === 502 || status === 503 || status === 504;
const isAbort = (error: unknown) => error instanceof Error && error.name === "AbortError";

export class Connectivity {
  private state: Reach = "online";
  private readonly changed = new Set<() => void>();
  private readonly back = new Set<() => void>();
  private timer: unknown;
  private delay = FIRST_PROBE_MS;
  private probing: Promise<number | null> | null = null;

  constructor(private readonly env: Env) {}

  get reach(): Reach {
    return this.state;
  }

  /** Called on every change of `reach` (useSyncExternalStore's shape). */
  subscribe = (listener: () => void) => {
    this.changed.add(listener);
    return () => void this.changed.delete(listener);
  };

  /** Called each time Shiftline answers again after being unreachable: resend, redraw. */
  onBack(listener: () => void) {
    this.back.add(listener);
    return () => void this.back.delete(listener);
  }

  /** A request got an answer from Shiftline. */
  reached() {
    this.env.clearTimeout(this.timer);
    this.timer = undefined;
    this.delay = FIRST_PROBE_MS;
    if (this.state === "online") return;
    this.set("online");
    for (const listener of [...this.back]) listener();
  }

  /** A request could not reach Shiftline: say so, and ask again until it answers. */
  unreachable(why: Exclude<Reach, "online">) {
    this.set(why);
    if (this.timer !== undefined) return;
    this.timer = this.env.setTimeout(() => {
      this.timer = undefined;
      void this.probe();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, MAX_PROBE_MS);
  }

  /**
   * Asks Shiftline whether it answers (one request at a time): the status of its answer
   * (401 when the session ended), or null when it cannot be reached.
   */
  probe(): Promise<number | null> {
    this.probing ??= this.env
      .fetch(PING, { cache: "no-store" })
      .then(
        (answer) => (this.heard(answer.status) ? answer.status : null),
        () => (this.unreachable("offline"), null),
      )
      .finally(() => (this.probing = null));
    return this.probing;
  }

  /**
   * `fetch`, and what its outcome says about the network. Throws and answers as `fetch` does.
   * A request that gets no answer may have met a network gone, or one request's bad luck
   * (a reset connection): the page asks Shiftline, and only its silence makes it offline.
   */
  async fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    let answer: Response;
    try {
      answer = await this.env.fetch(input, init);
    } catch (error) {
      // Leaving the page or cancelling its own request is not the network failing.
      if (!isAbort(error)) void this.probe();
      throw error;
    }
    this.heard(answer.status);
    return answer;
  }

  /** Shiftline's answer, or its proxy's: whether Shiftline itself answered. */
  private heard(status: number): boolean {
    if (isGatewayFailure(status)) {
      this.unreachable("down");
      return false;
    }
    this.reached();
    return true;
  }

  private set(next: Reach) {
    if (this.state === next) return;
    this.state = next;
    for (const listener of [...this.changed]) listener();
  }
}

let shared: Connectivity | undefined;

/** The page's one connectivity state, listening to the browser's own signals. */
export function connectivity(): Connectivity {
  if (shared) return shared;
  const self = new Connectivity({
    fetch: (input, init) => window.fetch(input, init),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (timer) => window.clearTimeout(timer as number),
  });
  // "offline" is reliable (no network interface at all); "online" only says it is worth asking.
  window.addEventListener("offline", () => self.unreachable("offline"));
  window.addEventListener("online", () => void self.probe());
  // A phone waking the app: ask now rather than at the next scheduled try.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && self.reach !== "online") void self.probe();
  });
  if (!navigator.onLine) self.unreachable("offline");
  return (shared = self);
}

const onServer = (): Reach => "online";

/** The page's reach, re-rendering on each change. */
export function useReach(): Reach {
  return useSyncExternalStore(
    (listener) => connectivity().subscribe(listener),
    () => connectivity().reach,
    onServer,
  );
}
