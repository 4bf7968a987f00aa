import { CatalogueError } from "../catalogue/errors";
import type { TCatalogueFile } from "../catalogue/schema";
import { listVersions, newestPublished, readCatalogue } from "../catalogue/store";
import { db as sharedDb, type TDb } from "../db/client";
import { parseResolveInput, type TResolveInput } from "../resolve/input";
import { resolve } from "../resolve/resolve";
import type { TResolution } from "../resolve/types";
import { BadInputError } from "./errors";
import { Lru } from "./lru";

/**
 * Resolving a case for the API, the CLI and tests: catalogue cache + engine.
 *
 * Cache: a published version is immutable (database triggers), so once read and validated it is kept
 * for the life of the process in a Map by version id; drafts may be replaced and are read every time.
 * Which version is "newest published" can change only when a new version is loaded (an admin act), so
 * that one id is remembered for `newestTtlMs`; responses name the version used, so a lag of a few
 * seconds after a publication is visible, never silent. Concurrent misses share one database read.
 *
 * Answers: against a published version the resolution is a pure function of the parsed input, so the
 * serialized JSON of the last `answers` distinct cases is kept (≤ ~85 KiB each). The wizard re-resolves
 * the same case at every visit of its review step; serializing 64–149 items is most of the route's own
 * CPU cost (see bench/). Drafts are never memoized.
 */
export interface TResolveService {
  /** The catalogue a case resolves against; unknown version → BadInputError at `catalogueVersion`. */
  catalogue(version?: string): Promise<TCatalogueFile>;
  /** `input` must be parsed with ZResolveInput (use resolveCase for raw input). */
  resolve(input: TResolveInput): Promise<TResolution>;
  /** The same resolution as compact JSON text, memoized for published versions. */
  resolveJson(input: TResolveInput): Promise<string>;
}

export interface TResolveServiceOptions {
  db: () => TDb | Promise<TDb>;
  /** How long the newest-published id is trusted; 0 asks the database every time. */
  newestTtlMs?: number;
  /** How many serialized answers to keep; 0 keeps none. */
  answers?: number;
  now?: () => number;
}

export const NEWEST_TTL_MS = 5_000;
export const MEMO_ANSWERS = 100;

export function createResolveService(options: TResolveServiceOptions): TResolveService {
  const { newestTtlMs = NEWEST_TTL_MS, answers = MEMO_ANSWERS, now = Date.now } = options;
  const published = new Map<string, TCatalogueFile>();
  const loading = new Map<string, Promise<TCatalogueFile>>();
  let newest: { id: string; at: number } | null = null;
  let newestLoading: Promise<string> | null = null;
  const memo = new Lru<string>(answers);

  async function newestId(): Promise<string> {
    if (newest && now() - newest.at < newestTtlMs) return newest.id;
    newestLoading ??= (async () => {
      const id = await newestPublished(await options.db());
      // Not bad input: the server has no catalogue to offer (setup did not run).
      if (!id) throw new Error("資料庫中尚無已發布的一覽表版本");
      newest = { id, at: now() };
      return id;
    })().finally(() => (newestLoading = null));
    return newestLoading;
  }

  async function read(id: string): Promise<TCatalogueFile> {
    const database = await options.db();
    try {
      const catalogue = await readCatalogue(database, id);
      if (catalogue.status === "published") published.set(id, catalogue);
      return catalogue;
    } catch (e) {
      if (!(e instanceof CatalogueError) || e.reason !== "unknown-version") throw e;
      const known = (await listVersions(database)).map((v) => v.id);
      throw new BadInputError("輸入資料有誤，請依欄位訊息修正", [
        { path: "catalogueVersion", message: `找不到一覽表版本「${id}」；現有版本：${known.length ? known.join("、") : "（無）"}` },
      ]);
    }
  }

  async function catalogue(version?: string): Promise<TCatalogueFile> {
    const id = version ?? (await newestId());
    const hit = published.get(id);
    if (hit) return hit;
    let pending = loading.get(id);
    if (!pending) {
      pending = read(id).finally(() => loading.delete(id));
      loading.set(id, pending);
    }
    return pending;
  }

  function run(chosen: TCatalogueFile, input: TResolveInput): TResolution {
    return resolve(chosen, chosen.obligations, input);
  }

  return {
    catalogue,
    async resolve(input) {
      return run(await catalogue(input.catalogueVersion), input);
    },
    async resolveJson(input) {
      const chosen = await catalogue(input.catalogueVersion);
      if (chosen.status !== "published" || answers === 0) return JSON.stringify(run(chosen, input));
      const key = memoKey(chosen.version, input);
      let json = memo.get(key);
      if (json === undefined) {
        json = JSON.stringify(run(chosen, input));
        memo.set(key, json);
      }
      return json;
    },
  };
}

/**
 * Given or defaulted, the version is the one resolved against; the rest is the parsed input, whose keys
 * zod emits in schema order whatever order the client sent.
 */
export function memoKey(version: string, input: TResolveInput): string {
  return `${version}\n${JSON.stringify({ ...input, catalogueVersion: undefined })}`;
}

let shared: TResolveService | null = null;

/** The process-wide service on the app's database (`db()`), created on first use. */
export function resolveService(): TResolveService {
  shared ??= createResolveService({ db: sharedDb });
  return shared;
}

function parsed(raw: unknown): TResolveInput {
  const result = parseResolveInput(raw);
  if (!result.ok) throw new BadInputError(result.error.message, result.error.issues);
  return result.input;
}

/** Raw input (a parsed JSON value) → resolution; BadInputError carries the 400/exit-2 issues. */
export async function resolveCase(raw: unknown, service: TResolveService = resolveService()): Promise<TResolution> {
  return service.resolve(parsed(raw));
}

/** resolveCase as compact JSON text, for the API. */
export async function resolveCaseJson(raw: unknown, service: TResolveService = resolveService()): Promise<string> {
  return service.resolveJson(parsed(raw));
}
