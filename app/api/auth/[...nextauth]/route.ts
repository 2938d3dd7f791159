import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { CALLBACK_URL_COOKIES, isUsableCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { errorResponse, handleErrors } from "@/lib/http/respond";

/**
 * next-auth's own endpoints (sign-in form, session, CSRF token, sign-out), with the input next-auth
 * itself fails on kept away from it (lib/auth/callback-url.ts): the credentials callback answers
 * only POST, a `callbackUrl` parameter or cookie that is not a URL is dropped.
 */
const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth?: string[] }> };

async function handle(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth = [] } = await context.params;
  if (nextauth[0] === "callback" && request.method !== "POST") {
    return errorResponse({ code: "method_not_allowed", message: "Sign in with the form on the sign-in page." }, { Allow: "POST" });
  }
  const jar = await cookies();
  for (const name of CALLBACK_URL_COOKIES) {
    const value = jar.get(name)?.value;
    if (value !== undefined && !isUsableCallbackUrl(value)) jar.delete(name);
  }
  const url = new URL(request.url);
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isUsableCallbackUrl(callbackUrl)) {
    url.searchParams.delete("callbackUrl");
    const init = { method: request.method, headers: request.headers, body: request.body, duplex: "half" };
    request = new NextRequest(url, init as ConstructorParameters<typeof NextRequest>[1]);
  }
  return nextAuth(request, context);
}

export const GET = handleErrors("GET /api/auth/[...nextauth]", handle);
export const POST = handleErrors("POST /api/auth/[...nextauth]", handle);
