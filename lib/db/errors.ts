import { DomainError } from "../errors";
import { displayUrl } from "./url";

/**
 * DATABASE_URL names a database that does not exist. Only `npm run setup` and `npm run db:migrate`
 * create one: any other command would otherwise answer from a new, empty database (a mistyped URL).
 */
export class DatabaseMissingError extends DomainError {
  constructor(readonly url: string) {
    super(
      "not-found",
      `找不到 DATABASE_URL 所指的資料庫：${displayUrl(url)}。請檢查 DATABASE_URL；要建立新的資料庫，請先執行 npm run setup（或 npm run db:migrate）。`,
    );
    this.name = "DatabaseMissingError";
  }
}
