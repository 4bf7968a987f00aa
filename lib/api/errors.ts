import { DomainError } from "../errors";
import type { TInputIssue } from "../resolve/input";

export type { TInputIssue };

/**
 * Input the caller can fix: the API answers 400, the CLI exits 2. `message` and every issue are
 * zh-TW and safe to show; `path` is dotted ("conditions.cii"), "" for the whole body.
 */
export class BadInputError extends DomainError {
  constructor(message: string, issues: readonly TInputIssue[] = []) {
    super("invalid", message, [...issues]);
    this.name = "BadInputError";
  }
}
