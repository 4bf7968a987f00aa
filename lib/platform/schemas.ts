import { z } from "zod";
import { ZNewUser } from "../admin/schemas";
import { zLine } from "../validation/text";

export const ZAgencyId = z.uuid({ error: "機關代碼有誤" });
export const ZAgencyName = zLine({ error: "請填寫機關名稱" }).trim().min(1, "請填寫機關名稱").max(200, "機關名稱最多 200 個字");

export const ZNewAgency = z.object({
  name: ZAgencyName,
  adminEmail: ZNewUser.shape.email,
  adminName: zLine()
    .trim()
    .max(100, "姓名最多 100 個字")
    .optional()
    .transform((v) => v || "機關管理者"),
});
export type TNewAgency = z.input<typeof ZNewAgency>;
