import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "var", "auth-secret");

/**
 * BETTER_AUTH_SECRET when set (production: set it, the same on every instance); otherwise a random
 * secret kept in var/auth-secret, created on first start, so the quick start needs no configuration.
 */
export function authSecret(): string {
  const env = process.env.BETTER_AUTH_SECRET?.trim();
  if (env) return env;
  const file = FILE();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
