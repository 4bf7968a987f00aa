// Pure edits of a draft catalogue version (issue #6). Each edit turns a version into the raw next
// version; the caller validates the result with the loader's own schema before anything is saved.
import { z } from "zod";
import { zLine, zText } from "../validation/text";
import { CatalogueError } from "./errors";
import { ZCatalogueFile, ZCatalogueItem, ZServiceTypeKey, type TCatalogueFile, type TCatalogueItem } from "./schema";

export type TItemFields = z.input<typeof ZCatalogueItem>;

const ZSlug = z
  .string({ error: "請輸入代稱" })
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "代稱須為小寫英文、數字與連字號，例如 log-retention");

export const ZDraftEdit = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("update-item"), itemId: z.string().min(1), item: z.unknown() }),
  z.strictObject({
    op: z.literal("add-item"),
    serviceType: ZServiceTypeKey,
    slug: ZSlug,
    /** Insert after this item; null puts it first. */
    after: z.string().min(1).nullable(),
    item: z.unknown(),
  }),
  z.strictObject({ op: z.literal("retire-item"), itemId: z.string().min(1) }),
  z.strictObject({ op: z.literal("restore-item"), itemId: z.string().min(1) }),
  z.strictObject({ op: z.literal("move-item"), itemId: z.string().min(1), direction: z.enum(["up", "down"]) }),
  z.strictObject({ op: z.literal("set-meta"), title: zLine(), changeSummary: zText() }),
  z.strictObject({ op: z.literal("set-obligations"), obligations: z.unknown() }),
  z.strictObject({ op: z.literal("set-clauses"), clauses: z.unknown() }),
]);
export type TDraftEdit = z.infer<typeof ZDraftEdit>;

export type TEditContext = {
  /** The version the draft was based on: where a retired item is restored from. */
  base: TCatalogueFile | null;
  /** Every item id any version has used: a retired item keeps its id, so no new item may take it. */
  usedIds: ReadonlySet<string>;
};

type TIssue = { path: string; message: string };

function locateItem(file: TCatalogueFile, itemId: string) {
  for (const [t, type] of file.serviceTypes.entries()) {
    const i = type.items.findIndex((item) => item.id === itemId);
    if (i >= 0) return { t, i };
  }
  throw new CatalogueError("not-found", `此草稿沒有項目 ${itemId}（可能已被另一位管理者停用）。`);
}

const clone = (file: TCatalogueFile): TCatalogueFile => structuredClone(file);

/**
 * Applies one edit. Returns the raw next version (not yet validated) and, for item edits, where the item
 * sits, so validation issues can be reported at the form's own field names.
 */
export function applyDraftEdit(
  file: TCatalogueFile,
  edit: TDraftEdit,
  ctx: TEditContext,
): { next: unknown; focus: (string | number)[] | null; summary: { before?: unknown; after?: unknown } } {
  const next = clone(file);
  switch (edit.op) {
    case "update-item": {
      const { t, i } = locateItem(next, edit.itemId);
      const before = next.serviceTypes[t]!.items[i]!;
      next.serviceTypes[t]!.items[i] = { ...(edit.item as TCatalogueItem), id: before.id };
      return { next, focus: ["serviceTypes", t, "items", i], summary: { before, after: next.serviceTypes[t]!.items[i] } };
    }
    case "add-item": {
      const id = `${edit.serviceType}.${edit.slug}`;
      if (ctx.usedIds.has(id) || next.serviceTypes.some((type) => type.items.some((item) => item.id === id)))
        throw new CatalogueError("invalid", `代碼 ${id} 已被使用`, [
          { path: "slug", message: `代碼 ${id} 已用於本版或先前版本的項目（停用的項目保留其代碼），請換一個代稱` },
        ]);
      const t = next.serviceTypes.findIndex((type) => type.key === edit.serviceType);
      if (t < 0) throw new CatalogueError("invalid", "此版本沒有這個服務類型", [{ path: "serviceType", message: "此版本沒有這個服務類型" }]);
      const items = next.serviceTypes[t]!.items;
      const at = edit.after === null ? 0 : items.findIndex((item) => item.id === edit.after) + 1;
      if (edit.after !== null && at === 0) throw new CatalogueError("not-found", `此草稿沒有項目 ${edit.after}。`);
      items.splice(at, 0, { ...(edit.item as TCatalogueItem), id });
      return { next, focus: ["serviceTypes", t, "items", at], summary: { after: items[at] } };
    }
    case "retire-item": {
      const { t, i } = locateItem(next, edit.itemId);
      const items = next.serviceTypes[t]!.items;
      if (items.length === 1) throw new CatalogueError("invalid", "服務類型至少須保留一列要求，無法停用最後一列。");
      const [retired] = items.splice(i, 1);
      return { next, focus: null, summary: { before: retired } };
    }
    case "restore-item": {
      const baseItem = ctx.base?.serviceTypes.flatMap((type) => type.items.map((item) => ({ type: type.key, item }))).find((x) => x.item.id === edit.itemId);
      if (!baseItem) throw new CatalogueError("not-found", `基準版本沒有項目 ${edit.itemId}，無法恢復。`);
      if (next.serviceTypes.some((type) => type.items.some((item) => item.id === edit.itemId)))
        throw new CatalogueError("invalid", `項目 ${edit.itemId} 已在此草稿中。`);
      const t = next.serviceTypes.findIndex((type) => type.key === baseItem.type);
      if (t < 0) throw new CatalogueError("invalid", "此草稿沒有該項目的服務類型，無法恢復。");
      // Back where it was: after the nearest earlier base item that the draft still has.
      const baseItems = ctx.base!.serviceTypes.find((type) => type.key === baseItem.type)!.items;
      const items = next.serviceTypes[t]!.items;
      let at = 0;
      for (const prev of baseItems
        .slice(
          0,
          baseItems.findIndex((item) => item.id === edit.itemId),
        )
        .reverse()) {
        const idx = items.findIndex((item) => item.id === prev.id);
        if (idx >= 0) {
          at = idx + 1;
          break;
        }
      }
      items.splice(at, 0, structuredClone(baseItem.item));
      return { next, focus: ["serviceTypes", t, "items", at], summary: { after: baseItem.item } };
    }
    case "move-item": {
      const { t, i } = locateItem(next, edit.itemId);
      const items = next.serviceTypes[t]!.items;
      const j = edit.direction === "up" ? i - 1 : i + 1;
      if (j < 0 || j >= items.length) return { next, focus: null, summary: {} };
      [items[i], items[j]] = [items[j]!, items[i]!];
      return { next, focus: null, summary: { before: { position: i + 1 }, after: { position: j + 1 } } };
    }
    case "set-meta": {
      const before = { title: next.title, changeSummary: next.changeSummary };
      next.title = edit.title;
      next.changeSummary = edit.changeSummary.trim();
      return { next, focus: [], summary: { before, after: { title: next.title, changeSummary: next.changeSummary } } };
    }
    case "set-obligations": {
      const raw = next as unknown as Record<string, unknown>;
      raw.obligations = edit.obligations;
      return { next: raw, focus: ["obligations"], summary: { before: { version: file.obligations.version }, after: { changed: "obligations" } } };
    }
    case "set-clauses": {
      const raw = next as unknown as Record<string, unknown>;
      raw.clauses = edit.clauses;
      return { next: raw, focus: ["clauses"], summary: { before: { version: file.clauses.version }, after: { changed: "clauses" } } };
    }
  }
}

/**
 * Validates the edited version with the loader's schema (nothing saves that the loader would refuse).
 * Issues under `focus` are reported relative to it ("marks.high"), others with their full path.
 */
export function validateDraft(raw: unknown, focus: (string | number)[] | null): { ok: true; file: TCatalogueFile } | { ok: false; issues: TIssue[] } {
  const result = ZCatalogueFile.safeParse(raw);
  if (result.success) return { ok: true, file: result.data };
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const inFocus = focus && focus.length <= path.length && focus.every((p, k) => String(p) === path[k]);
    return { path: (inFocus ? path.slice(focus.length) : path).join("."), message: issue.message };
  });
  return { ok: false, issues };
}

/** Every id in a file, in order. */
export const itemIds = (file: TCatalogueFile) => file.serviceTypes.flatMap((t) => t.items.map((i) => i.id));
