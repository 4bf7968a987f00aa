/**
 * Text that goes into a DOCX part must be a legal XML 1.0 character sequence: Word refuses a file
 * with U+0000–U+001F (other than tab, LF, CR), U+FFFE/U+FFFF or a lone surrogate anywhere in it.
 * `docx` escapes `<`, `&` and most C0 controls itself, but not noncharacters or lone surrogates, so
 * every string passes through here first (user-entered text at the model, everything at the renderer).
 */

// Lone surrogates, C0 (but tab/LF/CR) and C1 controls, noncharacters, and the bidi overrides/isolates
// that can make a clause read differently from how it is stored ("Trojan Source").
const INVALID =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/g;
// Astral noncharacters U+1FFFE, U+1FFFF, … U+10FFFF.
const ASTRAL_NONCHAR = /[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/g;

/** Removes what XML 1.0 (or a reader's eye) cannot take; keeps tab and line breaks. */
export function cleanText(value: string): string {
  return value.normalize("NFC").replace(ASTRAL_NONCHAR, "").replace(INVALID, "");
}

/**
 * For one-line fields (names, numbers, references): also folds tabs and line breaks into one space.
 * The ideographic space U+3000 is kept: officers type it on purpose in names.
 */
export function cleanLine(value: string): string {
  return cleanText(value)
    .replace(/[^\S\u3000]+/g, " ")
    .trim();
}
