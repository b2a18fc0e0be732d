import { Readable } from "node:stream";

/**
 * A zip entry's contents, opened only when the zip reaches it: thousands of entries
 * are queued at once, and an opened file each would hold a descriptor and a buffer.
 */
export class LazyFile extends Readable {
  private source: Readable | null = null;

  constructor(
    private readonly open: () => Promise<Readable>,
    private readonly done: () => void,
  ) {
    super({ highWaterMark: 64 * 1024 });
  }

  override _read(): void {
    if (this.source) {
      this.source.resume();
      return;
    }
    this.open().then(
      (source) => {
        this.source = source;
        source.on("data", (chunk: Buffer) => {
          if (!this.push(chunk)) source.pause();
        });
        source.on("end", () => {
          this.done();
          this.push(null);
        });
        source.on("error", (error) => this.destroy(error));
      },
      (error: Error) => this.destroy(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.source?.destroy();
    callback(error);
  }
}
