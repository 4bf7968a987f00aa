import { z } from "zod";
import { AUDIT_ACTION, taipeiDay } from "../audit";

// The audit log's filters as they arrive in a URL (the page's GET form, the CSV link). The agency is never
// among them: it always comes from the session.

const ZDay = z.union([z.literal(""), z.string().refine((d) => taipeiDay(d) !== null, "請以 YYYY-MM-DD 填寫有效日期")]);

export const ZAuditQuery = z
  .object({
    user: z.union([z.literal(""), z.uuid({ error: "使用者有誤" })]),
    action: z.union([z.literal(""), z.string().max(100, "動作有誤").regex(AUDIT_ACTION, "動作有誤")]),
    from: ZDay,
    to: ZDay,
    cursor: z.union([z.literal(""), z.uuid({ error: "頁碼有誤" })]),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "迄日不可早於起日" });

export type TAuditQueryValues = z.infer<typeof ZAuditQuery>;
export type TAuditQueryField = keyof TAuditQueryValues;
export type TAuditQuery = {
  /** As typed, for the form to show again. */
  values: TAuditQueryValues;
  /** zh-TW message per field; when any is present, no filter is produced. */
  errors: Partial<Record<TAuditQueryField, string>>;
  filter: { actorId?: string; action?: string; from?: Date; to?: Date; cursor?: string } | null;
};

type TParams = URLSearchParams | Record<string, string | string[] | undefined>;

const first = (params: TParams, key: string): string => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) ?? "";
};

/** Reads and checks the filters; both dates are whole Taipei days, the last one included. */
export function readAuditQuery(params: TParams): TAuditQuery {
  const values: TAuditQueryValues = {
    user: first(params, "user"),
    action: first(params, "action"),
    from: first(params, "from"),
    to: first(params, "to"),
    cursor: first(params, "cursor"),
  };
  const parsed = ZAuditQuery.safeParse(values);
  if (!parsed.success) {
    const errors: TAuditQuery["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TAuditQueryField;
      errors[field] ??= issue.message;
    }
    return { values, errors, filter: null };
  }
  const q = parsed.data;
  return {
    values,
    errors: {},
    filter: {
      ...(q.user ? { actorId: q.user } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.from ? { from: taipeiDay(q.from)!.from } : {}),
      ...(q.to ? { to: taipeiDay(q.to)!.to } : {}),
      ...(q.cursor ? { cursor: q.cursor } : {}),
    },
  };
}
