import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering rules of ARCHITECTURE.md, checked on the import graph read from the sources (a regex
// over import/export lines: cheap, no compiler). Dynamic import() is lazy and so not an edge.

const ROOT = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", ".next", ".git", "var", "generated", "generated-pg"]);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith(".")) return [];
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [full] : [];
  });
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");
const FILES = ["lib", "app", "components", "scripts", "bench", "tests"].flatMap((d) => walk(path.join(ROOT, d))).map(rel);
const ROOT_FILES = readdirSync(ROOT).filter((f) => /\.(ts|mts|mjs)$/.test(f));

/** Every module specifier of a static import or re-export, types included. */
const specifiers = (source: string) =>
  [...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm)].map((m) => (m[1] ?? m[2])!);

/** A specifier as a repo file ("lib/x.ts"), or null for a package. */
function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.posix.join(path.posix.dirname(from), spec) : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (existsSync(path.join(ROOT, candidate)) && statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  return base; // unresolved (e.g. a generated client): kept as is, so a rule on its folder still applies
}

type TEdge = { from: string; spec: string; to: string | null };
const EDGES: TEdge[] = [...FILES, ...ROOT_FILES].flatMap((from) =>
  specifiers(readFileSync(path.join(ROOT, from), "utf8")).map((spec) => ({ from, spec, to: resolve(from, spec) })),
);
const show = (edges: TEdge[]) => edges.map((e) => `${e.from} → ${e.spec}`);

describe("architecture: the layering holds", () => {
  it("lib/ imports no React, no Next, nothing of app/ or components/", () => {
    const bad = EDGES.filter((e) => e.from.startsWith("lib/") && (/^(react|react-dom|next)(\/|$)/.test(e.spec) || /^(app|components)\//.test(e.to ?? "")));
    expect(show(bad)).toEqual([]);
  });

  it("components/ never imports app/", () => {
    expect(show(EDGES.filter((e) => e.from.startsWith("components/") && e.to?.startsWith("app/")))).toEqual([]);
  });

  it("no import cycles among the app's modules", () => {
    const graph = new Map<string, string[]>();
    for (const e of EDGES) if (e.to && FILES.includes(e.to) && !e.from.startsWith("tests/")) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    // Tarjan's strongly connected components: any component of two or more files is a cycle.
    let index = 0;
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    const visit = (v: string) => {
      order.set(v, index);
      low.set(v, index++);
      stack.push(v);
      for (const w of graph.get(v) ?? []) {
        if (!order.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
      if (low.get(v) === order.get(v)) {
        const scc: string[] = [];
        let w: string;
        do scc.push((w = stack.pop()!));
        while (w !== v);
        if (scc.length > 1 || graph.get(v)?.includes(v)) cycles.push(scc.sort());
      }
    };
    for (const v of graph.keys()) if (!order.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });

  it("every lib/ file is imported by something (no dead modules)", () => {
    const imported = new Set(EDGES.filter((e) => e.to && e.to !== e.from).map((e) => e.to));
    // Dynamic imports count too: a lazily loaded module is still used.
    for (const from of [...FILES, ...ROOT_FILES])
      for (const m of readFileSync(path.join(ROOT, from), "utf8").matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) imported.add(resolve(from, m[1]!));
    expect(FILES.filter((f) => f.startsWith("lib/") && !imported.has(f))).toEqual([]);
  });

  it("the scan sees the tree (a broken regex cannot pass for a clean graph)", () => {
    expect(FILES).toContain("lib/errors.ts");
    expect(EDGES).toContainEqual({ from: "lib/http/errors.ts", spec: "../errors", to: "lib/errors.ts" });
    expect(EDGES.some((e) => e.from.startsWith("components/") && e.spec === "react")).toBe(true);
  });
});
