import type { TDraft, TStatus } from "./types";

/** Small helpers so rules stay one-liners; they never mutate the draft. */

export function addReason(draft: TDraft, reason: string): TDraft {
  return { ...draft, reasons: [...draft.reasons, reason] };
}

export function settle(draft: TDraft, status: TStatus, reason: string, frequency: string | null = draft.frequency): TDraft {
  return { ...draft, status, frequency, reasons: [...draft.reasons, reason] };
}
