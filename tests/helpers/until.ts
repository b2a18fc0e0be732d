/** Waits until `check` holds (polled every 10 ms), or fails after `ms`: tests wait for conditions, never for a fixed time. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting for events");
    await new Promise((r) => setTimeout(r, 10));
  }
}
