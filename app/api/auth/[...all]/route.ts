import { toNextJsHandler } from "better-auth/next-js";
import { withClientAddress } from "@/lib/http/client-ip";
import { auth, requestAddress } from "../../../_server/auth";

// better-auth's endpoints (sign-in, sign-out, session, change-password), with our lockout and
// password-policy hooks applied to every path. better-auth reads the client address only from the
// header set here, never from one the client sent.
const trusted = (request: Request) => new Request(request, { headers: withClientAddress(request.headers, requestAddress(request.headers)) });

export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(trusted(request));
}
export async function POST(request: Request) {
  return toNextJsHandler(auth()).POST(trusted(request));
}
