import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import { CALLBACK_URL_COOKIES, isUsableCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";
import { errorResponse, handleErrors, readCappedText } from "@/lib/http/respond";

/**
 * next-auth's own endpoints (sign-in form, session, CSRF token, sign-out), with the input next-auth
 * itself fails on kept away from it (lib/auth/callback-url.ts): the credentials callback answers
 * only POST, a `callbackUrl` parameter or cookie that is not a URL is dropped, and a body is read
 * here (64 KiB at most) so that one that says JSON and is not answers 400 (next-auth throws on it).
 */
const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth?: string[] }> };

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

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
  let body: string | undefined;
  if (request.method === "POST") {
    const read = await readCappedText(request);
    if (!read.ok) return read.response;
    body = read.value;
    // next-auth parses any body whose type mentions JSON, and throws when it is not JSON.
    if ((request.headers.get("content-type") ?? "").includes("application/json") && !isJson(body)) {
      return errorResponse({ code: "invalid_request", message: "The request body is not valid JSON." });
    }
  }
  const url = new URL(request.url);
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null && !isUsableCallbackUrl(callbackUrl)) url.searchParams.delete("callbackUrl");
  const headers = new Headers(request.headers);
  headers.delete("content-length"); // the body is passed on as text, which the constructor measures
  return nextAuth(new NextRequest(url, { method: request.method, headers, body }), context);
}

export const GET = handleErrors("GET /api/auth/[...nextauth]", handle);
export const POST = handleErrors("POST /api/auth/[...nextauth]", handle);
