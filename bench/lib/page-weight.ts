import { gzipSync } from "node:zlib";

/**
 * The JavaScript a first visit to `path` downloads, gzipped: every script the HTML
 * names (src and preload), fetched from the server and compressed as a CDN would.
 * `nomodule` scripts (polyfills for old browsers) are left out: modern browsers skip them.
 */
export async function firstLoadJs(
  base: string,
  path: string,
  cookie: string,
): Promise<{ kb: number; files: number; each: { url: string; kb: number }[] }> {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" })).text();
  const urls = new Set<string>();
  for (const m of html.matchAll(/<script([^>]+)src="([^"]+\.js[^"]*)"([^>]*)>/g))
    if (!/nomodule/i.test(m[1]! + m[3]!)) urls.add(m[2]!);
  for (const m of html.matchAll(/<link[^>]+rel="(?:modulepreload|preload)"[^>]+href="([^"]+\.js[^"]*)"/g))
    urls.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+href="([^"]+\.js[^"]*)"[^>]+rel="(?:modulepreload|preload)"/g))
    urls.add(m[1]!);
  const each: { url: string; kb: number }[] = [];
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(new URL(url.replace(/&amp;/g, "&"), base))).arrayBuffer());
    each.push({ url, kb: gzipSync(body, { level: 9 }).length / 1024 });
  }
  return { kb: each.reduce((sum, f) => sum + f.kb, 0), files: urls.size, each };
}
