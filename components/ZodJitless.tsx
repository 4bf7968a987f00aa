"use client";

import { z } from "zod";

// zod 4 probes for eval (new Function) to compile fast parsers; under the CSP (no 'unsafe-eval') that
// probe is a reported violation. The browser's forms parse small inputs, so the plain parser is enough.
z.config({ jitless: true });

export function ZodJitless() {
  return null;
}
