import { randomUUID } from "node:crypto";
import type { TInputIssue } from "../api/errors";
import { DomainError, HTTP_STATUS } from "../errors";

export interface TErrorBody {
  error: { message: string; issues: TInputIssue[]; errorId?: string };
}
export interface THttpError {
  status: number;
  body: TErrorBody;
}

export type TErrorLog = (errorId: string, error: unknown) => void;

const logToConsole: TErrorLog = (errorId, error) => console.error(`[api] 未預期的錯誤 ${errorId}`, error);

/**
 * The one place an error becomes an HTTP answer. A DomainError → its code's status (HTTP_STATUS:
 * invalid 400, forbidden 403, not-found 404, conflict 409) with its zh-TW message and issues; anything
 * else → 500 with a brief message and an id to quote (附表十: 僅顯示簡短錯誤訊息及代碼); the details,
 * stack included, go to the server log only.
 */
export function toHttpError(error: unknown, log: TErrorLog = logToConsole): THttpError {
  if (error instanceof DomainError) return { status: HTTP_STATUS[error.code], body: { error: { message: error.message, issues: [...error.issues] } } };
  const errorId = randomUUID().slice(0, 8);
  log(errorId, error);
  return {
    status: 500,
    body: { error: { message: `系統暫時無法處理您的請求，請稍後再試；錯誤代碼：${errorId}`, issues: [], errorId } },
  };
}
