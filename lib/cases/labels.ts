import type { TStatus } from "../resolve/types";

/** How a resolved status reads to people. */
export const STATUS_LABEL: Record<TStatus, string> = {
  standard: "標配（納入）",
  optional: "選配（由機關決定）",
  "needs-decision": "待機關判斷",
  "not-applicable": "不適用",
};

/** How a decision reads to people (pages and documents alike). */
export const CHOICE_TEXT: Record<string, string> = {
  include: "納入本案",
  exclude: "不納入本案",
  "this-case": "納入本案辦理",
  "other-procurement": "另於他案辦理",
};
