/** Reads a Server-Sent Events response, calling `onEvent` with each event's type and parsed data, until it ends or is aborted. */
export async function readEvents(res: Response, onEvent: (type: string, data: unknown) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split("\n");
        const type = lines.find((l) => l.startsWith("event: "))?.slice(7);
        const data = lines.find((l) => l.startsWith("data: "));
        if (type && data) onEvent(type, JSON.parse(data.slice(6)));
      }
    }
  } catch {
    // aborted at the end of the run
  }
}
