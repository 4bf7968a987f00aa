import { z } from "zod";
import { zLine } from "../validation/text";
import { STAFF_ROLES } from "../auth/roles";
import { AdminError } from "./errors";

// The admin area's inputs: the server actions validate with these at the boundary, and lib/admin
// validates again so a caller that skips the action (a script, a test) meets the same rules.

export const IDLE_TIMEOUT_MIN = 5;
export const IDLE_TIMEOUT_MAX = 480;

export const ZUserId = z.uuid({ error: "使用者代碼有誤" });

export const ZRoleSet = z
  .array(z.enum(STAFF_ROLES, { error: "角色有誤" }), { error: "請選擇角色" })
  .min(1, "請至少選擇一個角色")
  .transform((roles) => [...new Set(roles)]);

export const ZNewUser = z.object({
  name: zLine({ error: "請填寫姓名" }).trim().min(1, "請填寫姓名").max(100, "姓名最多 100 個字"),
  email: z
    .string({ error: "請填寫電子郵件" })
    .trim()
    .min(1, "請填寫電子郵件")
    .max(200, "電子郵件最多 200 個字元")
    .pipe(z.email({ error: "電子郵件格式有誤" }))
    .transform((e) => e.toLowerCase()),
  roles: ZRoleSet,
});
export type TNewUser = z.input<typeof ZNewUser>;

/** Minutes; a form's text ("30") is read as a number, an empty field as missing rather than 0. */
export const ZIdleTimeout = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z
    .number({ error: "請填寫分鐘數" })
    .int("請填寫整數分鐘")
    .min(IDLE_TIMEOUT_MIN, `閒置逾時至少 ${IDLE_TIMEOUT_MIN} 分鐘`)
    .max(IDLE_TIMEOUT_MAX, `閒置逾時最多 ${IDLE_TIMEOUT_MAX} 分鐘`),
);

/** Parses or throws an AdminError whose issues name the fields, as the action client does. */
export function parseOrRefuse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AdminError(
    "invalid",
    "資料格式有誤",
    r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
  );
}
