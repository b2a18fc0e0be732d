import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";
import { isSharedDatabase } from "@/lib/db/path";
import { config } from "@/lib/config";

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

let cached: VapidKeys | null | undefined;

/**
 * The server's VAPID key pair, which push services use to know the sender. From
 * VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY when set (several instances must share one pair);
 * otherwise, on the embedded SQLite default, a pair kept in data/.vapid.json, made at setup
 * and never committed. On PostgreSQL without them, push is off (null).
 */
export function vapidKeys(): VapidKeys | null {
  if (cached !== undefined) return cached;
  const c = config();
  const subject = c.VAPID_SUBJECT || defaultSubject();
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = c;
  if (publicKey && privateKey) return (cached = { publicKey, privateKey, subject });
  if (isSharedDatabase()) return (cached = null);
  const file = path.join(path.resolve(/* turbopackIgnore: true */ "data"), ".vapid.json");
  if (!existsSync(file)) createKeyFile(file);
  const saved = JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
  return (cached = { ...saved, subject });
}

/** Setup makes the pair on the embedded default, so every process of this machine uses the same one. */
export function ensureVapidKeys(): "environment" | "file" | "off" {
  if (config().VAPID_PUBLIC_KEY && config().VAPID_PRIVATE_KEY) return "environment";
  return vapidKeys() ? "file" : "off";
}

function createKeyFile(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: "wx" });
  } catch {
    // Another process wrote it first; read theirs.
  }
}

function defaultSubject(): string {
  const url = config().APP_URL || config().NEXTAUTH_URL || "";
  // Push services want a way to reach the sender: an https address, or else a mailto.
  return url.startsWith("https://") ? url : "mailto:push@shiftline.invalid";
}
