import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refuseTunnel, repairPathEscapes, screenRequest } from "@/lib/server/screen-request.mjs";

/**
 * What lib/server/serve.mjs answers before Next.js sees a request (Next answered 500 for these),
 * on a real Node HTTP server with the same two hooks.
 */
describe("repairPathEscapes", () => {
  it("keeps an undecodable segment as literal text, and leaves everything else alone", () => {
    expect(repairPathEscapes("/booking/%ZZ")).toBe("/booking/%25ZZ");
    expect(repairPathEscapes("/booking/%C3%28")).toBe("/booking/%25C3%2528");
    expect(repairPathEscapes("/calendar/%ZZ.ics?x=%ZZ")).toBe("/calendar/%25ZZ.ics?x=%ZZ");
    expect(repairPathEscapes("/api/manage/%")).toBe("/api/manage/%25");
    expect(repairPathEscapes("/staff/diary?date=2027-03-30")).toBe("/staff/diary?date=2027-03-30");
    expect(repairPathEscapes("/booking/Zo%C3%AB")).toBe("/booking/Zo%C3%AB");
    for (const target of ["/a%ZZ/b%C3%28/c", "/%E2%82", "/%%%"]) expect(() => decodeURIComponent(repairPathEscapes(target))).not.toThrow();
  });
});

describe("screenRequest", () => {
  let server: http.Server;
  let port: number;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (screenRequest(req, res)) return;
      seen.push(`${req.method} ${req.url}`);
      res.end("next");
    });
    server.on("connect", refuseTunnel);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function raw(request: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
      let answer = "";
      socket.on("data", (chunk) => {
        answer += chunk;
        if (answer.includes("\r\n\r\n")) socket.end();
      });
      socket.on("end", () => resolve(answer));
      socket.on("error", reject);
    });
  }

  it("answers TRACE, TRACK, PROPFIND and CONNECT with 405 and the methods served", async () => {
    for (const method of ["TRACE", "PROPFIND", "MKCOL"]) {
      const answer = await raw(`${method} /api/services HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer, method).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer).toMatch(/Allow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS/i);
    }
    expect(await raw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")).toMatch(/^HTTP\/1\.1 405 /);
    expect(seen).toEqual([]);
  });

  it("passes served methods on, with undecodable path segments escaped", async () => {
    expect(await raw("GET /booking/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 200 /);
    expect(seen).toEqual(["GET /booking/%25ZZ"]);
  });
});
