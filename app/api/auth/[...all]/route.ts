import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "../../../_server/auth";

// better-auth's endpoints (sign-in, sign-out, session, change-password), with our lockout and
// password-policy hooks applied to every path.
export async function GET(request: Request) {
  return toNextJsHandler(auth()).GET(request);
}
export async function POST(request: Request) {
  return toNextJsHandler(auth()).POST(request);
}
