import fc from "fast-check";

/**
 * Generated bad input for the fuzz tests (tests/integration/no-server-errors.test.ts, and the pages
 * in tests/e2e/no-server-errors.spec.ts). Values are a mix of plausible ones (so a request gets
 * past its first check and reaches the database) and hostile ones: NUL and other control
 * characters, direction controls, half surrogate pairs, years 0 and 9999, 30 February, malformed
 * escapes, huge and negative numbers, wrong types.
 */
export const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "\u0000\u0000",
  "Jo\u0000Bloggs",
  "\u0007\u001b[31m\u007f\u0085",
  "line\r\nBcc: x@example.com",
  "lone\rCR",
  "\u2028\u2029",
  "\u202EBennett\u202C",
  "Ma\u200Brcus\uFEFF",
  "\uD800",
  "\uDFFFx",
  "😀👨‍👩‍👧",
  'Han";ROLE=CHAIR;X=":mailto:other@x',
  "%ZZ",
  "%00",
  "%C3%28",
  "../../etc/passwd",
  "'; DROP TABLE \"Booking\"; --",
  "<script>alert(1)</script>",
  "__proto__",
  "constructor",
  "abc",
  "9999-12-31T10:00:00Z",
  "0000-01-03T10:00:00Z",
  "+010000-01-01T00:00:00Z",
  "2027-02-30T11:00:00Z",
  "2027-13-01T10:00:00Z",
  "2027-03-30T25:61:00Z",
  "2027-03-30T08:00:00+99:99",
  "2027-03-30T08:00:00",
  "9999-12-31",
  "0000-01-01",
  "2027-02-30",
  "2027-13-01",
  "1999-12-31",
  "2101-01-01",
  "NaN",
  "-1",
  "1e309",
  "x".repeat(5000),
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
);

/** A London date or an ISO instant near now, far away, or impossible. */
const EXTREME_YEARS = fc.date({ min: new Date("0000-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true });

function plausibleDate(): fc.Arbitrary<string> {
  const day = 86_400_000;
  return fc.oneof(
    EXTREME_YEARS.map((d) => d.toISOString().slice(0, 10)),
    { weight: 4, arbitrary: fc.constantFrom("9999-12-31", "0000-01-01", "2027-02-30", "2101-01-01", "2100-12-31") },
    fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * day).toISOString().slice(0, 10)),
    fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2110-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.tuple(fc.integer({ min: 1999, max: 2102 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  );
}

function plausibleInstant(): fc.Arbitrary<string> {
  const quarter = 15 * 60_000;
  return fc.oneof(
    EXTREME_YEARS.map((d) => d.toISOString()),
    { weight: 2, arbitrary: fc.constantFrom("9999-12-31T10:00:00Z", "0000-01-03T10:00:00Z", "2027-02-30T11:00:00Z", "2100-12-31T23:30:00Z", "2000-01-01T00:00:00Z") },
    // Quarter hours in the coming months: often a real free slot.
    fc.integer({ min: -200, max: 12_000 }).map((n) => new Date(Math.ceil(Date.now() / quarter) * quarter + n * quarter).toISOString()),
    fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2110-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.tuple(plausibleDate(), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([date, h, m]) => `${date}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`),
  );
}

/** A value that fits a field of this name, judging by the names the app's schemas use; mostly valid. */
function plausibleByName(name: string): fc.Arbitrary<unknown> {
  if (/^(start|end|at)$/i.test(name)) return plausibleInstant();
  if (/^(date|from|to)$/i.test(name)) return plausibleDate();
  if (/email/i.test(name)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom("jo@example.com", "pat.smith@example.co.uk", "admin@clinic.example") }, { weight: 1, arbitrary: fc.constantFrom("a@b", "not-an-email", "JO@EXAMPLE.COM ") });
  if (/phone/i.test(name)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom("07700 900123", "+44 121 496 0000") }, { weight: 1, arbitrary: fc.stringMatching(/^\+?[0-9 ()-]{5,26}$/) });
  if (/^(service|slug)$/i.test(name)) return fc.oneof({ weight: 3, arbitrary: fc.constant("consultation") }, { weight: 1, arbitrary: fc.constantFrom("laser-small-area", "laser-full-scalp", "nope") });
  if (/^practitioner$/i.test(name)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom("sally", "hannah", "any") }, { weight: 1, arbitrary: fc.constantFrom("all", "nope", "") });
  if (/name/i.test(name)) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom("Jo Bloggs", "Zoë Ångström", "Ma\u200Brcus Bennett", "O'Neill-Smith") }, { weight: 1, arbitrary: fc.string({ minLength: 2, maxLength: 30 }) });
  if (/^q$/.test(name)) return fc.oneof(fc.constantFrom("Bloggs", "VH-", "0770", "jo@example.com"), fc.string({ maxLength: 12 }));
  if (/password/i.test(name)) return fc.oneof(fc.constant("a-long-enough-password"), fc.string({ maxLength: 20 }));
  return fc.string({ maxLength: 60 });
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, [], {}, [null], { "": "" }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/**
 * Values for a JSON schema (zod's `z.toJSONSchema` of a route's schema). `hostility` (0..100) is
 * the weight of a hostile value at each leaf against 100 for a plausible one: at 0 a value is
 * plausible throughout (and often valid, so it reaches the database), at 5 one leaf in twenty is
 * hostile, at 100 half of them.
 */
export function valueFor(schema: JsonSchema | undefined, name = "", hostility = 25): fc.Arbitrary<unknown> {
  if (!schema) return hostileValue;
  const mix = (plausible: fc.Arbitrary<unknown>) => (hostility === 0 ? plausible : fc.oneof({ weight: 100, arbitrary: plausible }, { weight: hostility, arbitrary: hostileValue }));
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant) => valueFor(variant, name, hostility)));
  if (schema.const !== undefined) return mix(fc.constant(schema.const));
  if (schema.enum) return mix(fc.constantFrom(...schema.enum));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {}).map(([key, value]) => {
        const arbitrary = valueFor(value, key, hostility).map((v) => [key, v] as const);
        // Optional fields come and go; a required one goes missing only in hostile requests.
        const absent = required.has(key) ? Math.ceil(hostility / 10) : 30;
        return absent === 0 ? arbitrary : fc.oneof({ weight: 100, arbitrary }, { weight: absent, arbitrary: fc.constant(undefined) });
      });
      const extra = hostility === 0 ? fc.constant(undefined) : fc.option(fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }), { freq: 6, nil: undefined });
      return fc.tuple(fc.tuple(...entries), extra).map(([parts, junk]) => ({ ...junk, ...Object.fromEntries(parts.filter((part): part is readonly [string, unknown] => part !== undefined)) }));
    }
    case "array":
      return mix(fc.array(valueFor(schema.items, name, hostility), { maxLength: Math.min((schema.maxItems ?? 4) + (hostility ? 1 : 0), 8) }));
    case "integer":
    case "number": {
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 100_000;
      return mix(fc.oneof(fc.integer({ min: Math.trunc(min), max: Math.trunc(max) }), fc.constantFrom(min, max, min - 1, max + 1, 0.5)));
    }
    case "boolean":
      return mix(fc.boolean());
    case "null":
      return mix(fc.constant(null));
    case "string":
      return mix(plausibleByName(name));
    default:
      return mix(fc.jsonValue({ maxDepth: 2 }));
  }
}

/** A search parameter's value for a key: plausible for that key (dates for `date`...), or hostile. */
export function queryValueFor(name: string): fc.Arbitrary<string> {
  return fc.oneof(plausibleByName(name).map((value) => (typeof value === "string" ? value : JSON.stringify(value))), hostileString);
}

/** How hostile one request is: plausible throughout, one bad leaf or so, or bad all over. */
export const hostility = fc.constantFrom(0, 0, 5, 25, 100);

/** A search string for a query schema (or any keys): repeated keys, junk keys, hostile values. */
export function queryFor(schema: JsonSchema | undefined, level = 25): fc.Arbitrary<string> {
  const pairs = level === 0 ? fc.constant([]) : fc.array(fc.tuple(fc.oneof(fc.constantFrom(...Object.keys(schema?.properties ?? {}), "q", "date", "view", "status"), hostileString), hostileString), { maxLength: 3 });
  const fromSchema = schema ? valueFor(schema, "", level) : fc.constant({});
  return fc.tuple(fromSchema, pairs).map(([value, extra]) => {
    const params = new URLSearchParams();
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, v] of Object.entries(value)) for (const item of Array.isArray(v) ? v : [v]) params.append(key, typeof item === "string" ? item : JSON.stringify(item));
    }
    for (const [key, v] of extra) params.append(key, v);
    return params.toString();
  });
}

/** A request body: usually JSON for the schema, sometimes not JSON, not an object, or over 64 KiB. */
export function bodyFor(schema: JsonSchema | undefined, level = 25): fc.Arbitrary<string> {
  const json = valueFor(schema ?? { type: "object" }, "", level).map((value) => JSON.stringify(value) ?? "null");
  if (level === 0) return json;
  return fc.oneof(
    { weight: 8, arbitrary: json },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", '"text"', "{\"a\":", "\u0000", "{}".padEnd(70 * 1024, " "), `{"notes":"${"x".repeat(70 * 1024)}"}`, "[".repeat(5000)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
  );
}

export const contentType: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom(null, "application/json; charset=utf-8", "text/plain;application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "") },
);
