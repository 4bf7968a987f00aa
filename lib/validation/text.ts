import { z } from "zod";

/**
 * Characters nobody types on purpose and that can make text read differently than it is stored:
 * C0/C1 controls (tab and line breaks aside), DEL, the bidi embeddings, overrides and isolates
 * (U+202A–202E, U+2066–2069, the "Trojan Source" characters), the direction marks and a stray BOM.
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const BREAKS = /[\t\r\n\u2028\u2029]+/g;

/** Multi-line text (reasons, comments, catalogue item text): unsafe characters removed, line breaks kept. */
export const stripControl = (s: string) => s.replace(UNSAFE, "");
/** One-line text (names, titles, case numbers): also line breaks and tabs become one space. */
export const stripControlLine = (s: string) => s.replace(UNSAFE, "").replace(BREAKS, " ");

/** A string schema that cleans before its other checks run (so `.trim().min(1)` sees the cleaned text). */
export const zText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(stripControl);
export const zLine = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(stripControlLine);
