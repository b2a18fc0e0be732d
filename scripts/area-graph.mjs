// Which lib/ areas import which: `node scripts/area-graph.mjs` prints the pairs that
// import each other (the architecture allows none) and, with --all, every edge.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const lib = join(root, "lib");
const withTests = process.argv.includes("--tests");
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === "generated" || name === "generated-pg" || name === "messages") continue;
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(ts|tsx)$/.test(name) && (withTests || !/\.test\.tsx?$/.test(name))) files.push(p);
  }
})(lib);

const areaOf = (abs) => {
  const rel = relative(lib, abs);
  return rel.includes("/") ? rel.split("/")[0] : rel.replace(/\.tsx?$/, "");
};
const edges = new Map();
for (const f of files) {
  const from = areaOf(f);
  const src = readFileSync(f, "utf8");
  for (const m of src.matchAll(/(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = m[1] ?? m[2];
    let target;
    if (spec.startsWith("@/lib/")) target = join(lib, spec.slice(6));
    else if (spec.startsWith(".")) target = resolve(dirname(f), spec);
    else continue;
    if (!target.startsWith(lib + "/")) continue;
    const to = areaOf(target);
    if (to === from) continue;
    const key = `${from} -> ${to}`;
    if (!edges.has(key)) edges.set(key, []);
    edges.get(key).push(`${relative(root, f)} imports ${spec}`);
  }
}
const pairs = [];
for (const key of edges.keys()) {
  const [a, b] = key.split(" -> ");
  if (a < b && edges.has(`${b} -> ${a}`)) pairs.push([a, b]);
}
if (process.argv.includes("--all")) for (const [k, v] of [...edges].sort()) console.log(k, v.length);
console.log(`${pairs.length} pairs of lib/ areas import each other`);
for (const [a, b] of pairs) {
  console.log(`  ${a} <-> ${b}`);
  if (process.argv.includes("--why"))
    for (const w of [...edges.get(`${a} -> ${b}`), ...edges.get(`${b} -> ${a}`)]) console.log(`      ${w}`);
}
process.exitCode = pairs.length ? 1 : 0;
