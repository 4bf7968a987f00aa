import { z } from "zod";

/**
 * One zh-TW error map for every zod schema in the process (issue 19: English defaults reached users).
 * A schema's own message still wins; this only replaces zod's defaults. Plain wording for the common
 * cases, zod's bundled zh-TW locale (`z.locales.zhTW`) for the rest. Imported for its effect by every
 * boundary (the action client, route handlers, the CLI, client forms); importing it twice is harmless.
 */
const fallback = z.locales.zhTW().localeError;

const TYPE: Record<string, string> = {
  string: "文字",
  number: "數字",
  int: "整數",
  bigint: "整數",
  boolean: "true 或 false",
  object: "物件",
  array: "清單",
  date: "日期",
  record: "物件",
  map: "物件",
  set: "清單",
};
const FORMAT: Record<string, string> = { uuid: "代碼", email: "電子郵件", url: "網址", datetime: "日期時間", date: "日期", regex: "" };

type TIssue = Parameters<typeof fallback>[0];

export const zhTWErrorMap = (issue: TIssue): string => {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "此欄位為必填";
      if (issue.input === null) return "此欄位不可為空值";
      return TYPE[issue.expected] ? `須為${TYPE[issue.expected]}` : "資料型態不正確";
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? "此欄位不可為空白" : `至少 ${n} 字`;
      if (issue.origin === "array" || issue.origin === "set") return n <= 1 ? "請至少選擇一項" : `至少 ${n} 項`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") return issue.inclusive ? `不可小於 ${n}` : `須大於 ${n}`;
      return "數值過小";
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `最多 ${n} 字`;
      if (issue.origin === "array" || issue.origin === "set") return `最多 ${n} 項`;
      if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") return issue.inclusive ? `不可大於 ${n}` : `須小於 ${n}`;
      if (issue.origin === "file") return "檔案過大";
      return "數值過大";
    }
    case "invalid_format":
      return FORMAT[issue.format] ? `${FORMAT[issue.format]}格式有誤` : "格式有誤";
    case "invalid_value":
      return "不是可接受的選項";
    case "unrecognized_keys":
      return `不接受的欄位：${issue.keys.join("、")}`;
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return "內容有誤";
    default: {
      const r = fallback(issue);
      return (typeof r === "string" ? r : r?.message) ?? "內容有誤";
    }
  }
};

z.config({ localeError: zhTWErrorMap as never });

/** For a boundary to import by name (and so keep the import from being dropped). */
export const ZH_TW_ERRORS = true;
