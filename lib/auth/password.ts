import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt is memory-hard and ships with Node, so no native add-on is needed.
// Stored as "scrypt$N$r$p$salt$hash" so the cost can be raised later.
type Cost = { N: number; r: number; p: number };

/**
 * Memory-hard everywhere but under Vitest (NODE_ENV=test, which `next build` and `next start`
 * never set), where hundreds of hashes on 2 cores would time tests out. Each hash stores its
 * cost, so a cheap test hash and a strong one verify alike.
 */
export function passwordCost(env: { NODE_ENV?: string } = process.env): Cost {
  return env.NODE_ENV === "test" ? { N: 1024, r: 8, p: 1 } : { N: 2 ** 15, r: 8, p: 1 };
}
const DEFAULT = passwordCost();
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize("NFKC"), salt, KEY_LENGTH, { ...opts, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string, cost: Cost = DEFAULT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await scrypt(password, Buffer.from(salt, "base64url"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash computed once, compared against when the account does not exist, so timing does not reveal accounts. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("decoy-password-never-matches");
  return decoy;
}
