import { describe, expect, it } from "vitest";
import { isUsableCallbackUrl, parseCookieHeader, redirectWithinSite, withoutUnusableCallbackCookie } from "@/lib/auth/callback-url";

/** The values next-auth fails on (500, or a throw in every staff page's session read) never reach it. */
describe("callback URLs", () => {
  it("are usable when next-auth's own check accepts them", () => {
    for (const ok of ["/staff/diary", "http://localhost:3000/staff", "https://clinic.example/x"]) expect(isUsableCallbackUrl(ok), ok).toBe(true);
    for (const bad of ["%ZZ", "staff/diary", "not a url", "javascript:alert(1)", "http://%zz", ""]) expect(isUsableCallbackUrl(bad), bad).toBe(false);
  });

  it("an unusable callback-url cookie is left out of what next-auth reads, and nothing else", () => {
    const cookies = parseCookieHeader("next-auth.session-token=abc; next-auth.callback-url=%ZZ; __Secure-next-auth.callback-url=http%3A%2F%2Fx%3A3000; other=1");
    expect(cookies["next-auth.callback-url"]).toBe("%ZZ");
    expect(withoutUnusableCallbackCookie(cookies)).toEqual({ "next-auth.session-token": "abc", "__Secure-next-auth.callback-url": "http://x:3000", other: "1" });
  });

  it("the redirect after sign-in stays on the site and never throws", async () => {
    const baseUrl = "http://localhost:3000";
    expect(await redirectWithinSite({ url: "/staff/diary", baseUrl })).toBe("http://localhost:3000/staff/diary");
    expect(await redirectWithinSite({ url: "http://localhost:3000/staff", baseUrl })).toBe("http://localhost:3000/staff");
    for (const url of ["%ZZ", "https://evil.example/", "//evil.example", "not a url"]) expect(await redirectWithinSite({ url, baseUrl }), url).toBe(baseUrl);
  });
});
