import { randomInt } from "node:crypto";
import { passwordProblem } from "../auth/password-policy";

// Characters that read unambiguously when handed over on paper or by phone (no 0/O, 1/l/I).
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS = "23456789";
const SYMBOLS = "#%+-=?@";
const ALL = LOWER + UPPER + DIGITS + SYMBOLS;
const LENGTH = 16;

const pick = (set: string) => set[randomInt(set.length)]!;

/**
 * A random temporary password that meets lib/auth/password-policy.ts: one of every class, the rest from
 * all of them, shuffled (crypto randomness throughout). Checked against the policy, so a rule added
 * there can never let a generated password through unchecked.
 */
export function temporaryPassword(context: { email?: string; name?: string } = {}): string {
  for (let attempt = 0; attempt < 100; attempt++) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < LENGTH) chars.push(pick(ALL));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join("");
    if (!passwordProblem(password, context)) return password;
  }
  // Only reachable if the policy changes into something this generator cannot meet: fail loudly in tests.
  throw new Error("temporaryPassword: the password policy cannot be met by the generator");
}
