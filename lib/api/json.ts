import { BadInputError } from "./errors";

/** A case is a few hundred bytes; 64 KiB leaves room for growth and keeps a flood cheap to refuse. */
export const MAX_INPUT_BYTES = 64 * 1024;

export const tooLarge = (subject: string, limit: number) => new BadInputError(`${subject}超過 ${Math.floor(limit / 1024)} KiB 上限`);

/** Strict UTF-8: a lenient decoder would turn bad bytes into U+FFFD and resolve something else. */
export function decodeUtf8(bytes: Uint8Array, subject: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new BadInputError(`${subject}須為 UTF-8 編碼的 JSON`);
  }
}

/**
 * JSON text → value, or BadInputError in zh-TW. `subject` names what was read ("請求內容", "輸入檔").
 * JSON.parse's own message is English and quotes the input, so it is not passed on.
 */
export function parseJsonInput(text: string, subject: string): unknown {
  if (text.trim() === "") throw new BadInputError(`${subject}為空白，請以 JSON 物件提供個案資料`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadInputError(`${subject}不是有效的 JSON，請檢查括號、引號與逗號`);
  }
}
