import { test as base, type Browser, type BrowserContext } from "@playwright/test";

export * from "@playwright/test";

// Every spec imports test from here, so every page (also in contexts a spec opens itself) fails its
// test on a Content Security Policy violation: a CSP that breaks hydration must not pass unnoticed.
const guarded = new WeakSet<BrowserContext>();

function guard(context: BrowserContext, violations: string[]) {
  if (guarded.has(context)) return;
  guarded.add(context);
  void context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  context.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|CSP violation/i.test(m.text())) violations.push(`${m.page()?.url() ?? ""}: ${m.text()}`);
  });
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context, browser }, use) => {
      const violations: string[] = [];
      guard(context, violations);
      const b = browser as Browser & { newContext: Browser["newContext"] };
      const newContext = b.newContext;
      b.newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const c = await newContext.apply(b, args);
        guard(c, violations);
        return c;
      };
      await use();
      b.newContext = newContext;
      if (violations.length) throw new Error(`Content Security Policy violations:\n${violations.join("\n")}`);
    },
    { auto: true },
  ],
});
