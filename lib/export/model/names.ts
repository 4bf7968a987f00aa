import { cleanLine } from "../text/sanitize";

/** Neutral wording for what the officer left blank: a document never shows an empty name. */
export const FALLBACK = { agencyName: "本機關", caseName: "本案" } as const;

/** The cleaned name, or null when nothing printable is left. */
export function givenName(value: string | null | undefined): string | null {
  const cleaned = cleanLine(value ?? "");
  return cleaned === "" ? null : cleaned;
}
