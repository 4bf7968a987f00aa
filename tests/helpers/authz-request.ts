// The "current request" for the authorization matrix: what the mocked `next/headers` answers.
// Kept in its own module (no app or lib imports) so that the vi.mock factory can load it before
// anything else, and the test and the mock share one object.

type TCookieStore = {
  get: (name: string) => { name: string; value: string } | undefined;
  getAll: () => { name: string; value: string }[];
  has: (name: string) => boolean;
  set: (...args: unknown[]) => TCookieStore;
  delete: (...args: unknown[]) => TCookieStore;
};

export const currentRequest = {
  /** The `cookie` header of the subject acting now; empty for anonymous. */
  cookie: "",
  /** What the app tried to set through `cookies().set()` during the last call (ignored otherwise). */
  setCookies: [] as string[],
};

export function actAs(cookie: string | null) {
  currentRequest.cookie = cookie ?? "";
  currentRequest.setCookies = [];
}

function parsedCookies(): { name: string; value: string }[] {
  return currentRequest.cookie
    .split(";")
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const i = c.indexOf("=");
      return { name: c.slice(0, i), value: c.slice(i + 1) };
    });
}

const cookieStore: TCookieStore = {
  get: (name) => parsedCookies().find((c) => c.name === name),
  getAll: () => parsedCookies(),
  has: (name) => parsedCookies().some((c) => c.name === name),
  set: (...args) => {
    currentRequest.setCookies.push(String(typeof args[0] === "string" ? args[0] : (args[0] as { name?: string })?.name));
    return cookieStore;
  },
  delete: () => cookieStore,
};

/** Stands in for `next/headers` (only what the app and better-auth call). */
export const nextHeadersMock = {
  headers: async () => {
    const h = new Headers({ host: "localhost:3000", "user-agent": "secreq-authz-matrix" });
    if (currentRequest.cookie) h.set("cookie", currentRequest.cookie);
    return h;
  },
  cookies: async () => cookieStore,
  draftMode: async () => ({ isEnabled: false, enable: () => {}, disable: () => {} }),
};

/** Stands in for `next/cache`: nothing to revalidate outside a Next server. */
export const nextCacheMock = {
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_cache: <T>(fn: T) => fn,
  unstable_noStore: () => {},
};
