import { NextResponse, type NextRequest } from "next/server";
import { actionAdmission, isWellFormedActionText, newNonce, pageSecurityHeaders } from "@/lib/http/security-headers";

// Per-request CSP nonce (Next reads it from the request's CSP header and puts it on its own scripts),
// and server-action posts that would otherwise end in a 500 answered with a clear 4xx.
export async function proxy(request: NextRequest) {
  const refused = actionAdmission(request);
  if (refused) return new NextResponse(refused.message, { status: refused.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  if (request.headers.get("next-action") && (request.headers.get("content-type") ?? "").startsWith("text/plain")) {
    if (!isWellFormedActionText(await request.clone().text()))
      return new NextResponse("請求格式有誤。", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const nonce = newNonce();
  const headers = pageSecurityHeaders(nonce, { baseURL: process.env.BETTER_AUTH_URL, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Pages and their server actions; not the API (JSON, its own checks) or static files.
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
