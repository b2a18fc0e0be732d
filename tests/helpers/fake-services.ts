import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import busboy from "busboy";

// Local stand-ins for the services tests cannot reach, speaking just enough of their
// HTTP APIs for the real SDKs (resend, uploadthing) to work against them.

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const body = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });

/** Resend's POST /emails: records each e-mail and its idempotency key. `fail`: answer 500 that many times first. */
export async function fakeResend(opts: { fail?: number } = {}) {
  const sent: { to: unknown; subject: string; text: string; key: string | undefined; auth: string | undefined }[] = [];
  let failures = opts.fail ?? 0;
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const json = JSON.parse((await body(req)).toString() || "{}");
    res.setHeader("Content-Type", "application/json");
    if (req.method !== "POST" || req.url !== "/emails") return res.writeHead(404).end("{}");
    if (failures-- > 0)
      return res
        .writeHead(500)
        .end(JSON.stringify({ name: "internal_server_error", message: "down", statusCode: 500 }));
    sent.push({
      to: json.to,
      subject: json.subject,
      text: json.text,
      key: req.headers["idempotency-key"] as string,
      auth: req.headers.authorization,
    });
    res.writeHead(200).end(JSON.stringify({ id: `email_${sent.length}` }));
  };
  const server = createServer((req, res) => void handle(req, res));
  const host = await listen(server);
  return { url: `http://${host}`, sent, close: () => new Promise((r) => server.close(r)) };
}

/** UploadThing's ingest (PUT of a signed URL), its file host and /v6/deleteFiles. */
export async function fakeUploadThing() {
  const files = new Map<string, Buffer>();
  let host = "";
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", `http://${host}`);
    if (req.method === "PUT" && url.searchParams.get("signature")) {
      const key = url.pathname.slice(1);
      const parser = busboy({ headers: req.headers });
      parser.on("file", (_n, stream) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => files.set(key, Buffer.concat(chunks)));
      });
      parser.on("close", () => {
        const ufsUrl = `http://${host}/a/app1/${key}`;
        res
          .writeHead(200, { "Content-Type": "application/json" })
          .end(JSON.stringify({ url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash: "fake" }));
      });
      req.pipe(parser);
      return;
    }
    if (req.method === "GET" && url.pathname.startsWith("/a/app1/")) {
      const file = files.get(url.pathname.slice("/a/app1/".length));
      if (!url.searchParams.get("signature") || !file) return res.writeHead(403).end();
      return res.writeHead(200).end(file);
    }
    if (req.method === "POST" && url.pathname === "/v6/deleteFiles") {
      const { fileKeys = [] } = JSON.parse((await body(req)).toString()) as { fileKeys?: string[] };
      for (const k of fileKeys) files.delete(k);
      return res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify({ success: true, deletedCount: fileKeys.length }));
    }
    res.writeHead(404).end();
  };
  const server = createServer((req, res) => void handle(req, res));
  host = await listen(server);
  const env = {
    UPLOADTHING_TOKEN: Buffer.from(
      JSON.stringify({ apiKey: "sk_test_fake", appId: "app1", regions: ["local"] }),
    ).toString("base64"),
    UPLOADTHING_API_URL: `http://${host}`,
    UPLOADTHING_INGEST_URL: `http://${host}`,
    UPLOADTHING_UFS_HOST: host.replace("127.0.0.1", "localhost"),
    UPLOADTHING_UFS_APP_ID_LOCATION: "path",
  };
  return { env, files, close: () => new Promise((r) => server.close(r)) };
}
