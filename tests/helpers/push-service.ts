import { createECDH, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A stand-in for a browser vendor's push service on 127.0.0.1, and devices whose keys the
// test holds, so what reaches the service can be decrypted (RFC 8291, aes128gcm) and read.

type Received = { device: string; headers: IncomingMessage["headers"]; body: Buffer };

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest();
const b64 = (b: Buffer) => b.toString("base64url");

/** A device's subscription keys, as a browser makes them, and the means to read what is sent to it. */
function fakeDevice(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  const publicKey = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  const subscription = { endpoint, keys: { p256dh: b64(publicKey), auth: b64(authSecret) } };
  function decrypt(body: Buffer): unknown {
    const salt = body.subarray(0, 16);
    const idLength = body[20]!;
    const senderKey = body.subarray(21, 21 + idLength);
    const record = body.subarray(21 + idLength);
    const secret = ecdh.computeSecret(senderKey);
    const ikm = hmac(
      hmac(authSecret, secret),
      Buffer.concat([Buffer.from("WebPush: info\0"), publicKey, senderKey, Buffer.from([1])]),
    );
    const prk = hmac(salt, ikm);
    const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16);
    const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12);
    const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    const end = padded.lastIndexOf(2); // the last record's delimiter, then padding zeros
    return JSON.parse(padded.subarray(0, end).toString("utf8"));
  }
  return { subscription, decrypt };
}

/** Records every push; `answer` gives the status for a device (201 by default; 410 means gone); `delayMs`: how long each answer takes. */
export async function fakePushService({ delayMs = 0 } = {}) {
  const received: Received[] = [];
  const status = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const device = (req.url ?? "/").replace(/^\/push\//, "");
      received.push({ device, headers: req.headers, body: Buffer.concat(chunks) });
      setTimeout(() => res.writeHead(status.get(device) ?? 201).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push/`;
  return {
    received,
    device: (name: string) => fakeDevice(`${base}${name}`),
    answer: (name: string, code: number) => status.set(name, code),
    close: () => new Promise((r) => server.close(r)),
  };
}
