import type { TDb } from "../db/client";
import { DomainError } from "../errors";

export type TIo = { out: (s: string) => void; err: (s: string) => void };
export type TCliDeps = {
  openDb: () => Promise<TDb>;
  /** Migrated only, no bundled catalogue loaded (db import); openDb when absent. */
  openBareDb?: () => Promise<TDb>;
  /** process.env in the CLI (db import's switches); empty when absent. */
  env?: Record<string, string | undefined>;
};

/**
 * The CLI's one translator: any DomainError is the user's to fix → its lines on stderr, exit 2;
 * anything else is rethrown (exit 1 with the stack, scripts/cli.ts). `lines` formats the error
 * for the command (default: the message).
 */
export function refusal(e: unknown, io: TIo, lines: (e: DomainError) => string[] = (x) => [x.message]): 2 {
  if (!(e instanceof DomainError)) throw e;
  for (const line of lines(e)) io.err(line);
  return 2;
}

/** A refusal whose issues are already the lines to print (`path: message`, usage text). */
export const refusedLines = (lines: string[]) =>
  new DomainError(
    "invalid",
    lines[0] ?? "",
    lines.map((message) => ({ path: "", message })),
  );
export const issueLines = (e: DomainError) => (e.issues.length ? e.issues.map((i) => i.message) : [e.message]);
