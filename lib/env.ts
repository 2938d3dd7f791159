import { z } from "zod";
import { productionEnvProblems } from "@/lib/server/production-env.mjs";
import { trustedProxyHops } from "@/lib/server/request-guards.mjs";

/**
 * The environment, validated once, when the server boots (instrumentation.ts) or a module first
 * needs it: never at import time, so `next build` needs no environment. Every variable is
 * documented in .env.example. The launcher (lib/server/launch.mjs) fills DATABASE_URL with the
 * embedded database when it is absent. In production on a public address the example secrets, a
 * short secret and the demo mailbox are refused (lib/server/production-env.mjs).
 */
const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  APP_URL: z.url().default("http://localhost:3000"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  EMAIL_FROM: z.string().min(3).default("Victoria House Clinic <bookings@victoriahouse.example>"),
  MAILBOX_DIR: z.string().default(".data/mailbox"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  BOOKING_RATE_LIMIT: z.coerce.number().int().min(0).default(20),
  /** Reverse proxies in front of the app: unset/false none, true one, or their number. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      try {
        return trustedProxyHops(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5000),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(10_000),
  BENCH_PRECOMPUTED_FILE: z.string().optional(),
});

export type ServerEnv = z.output<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function getServerEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)),
    ...productionEnvProblems(process.env),
  ];
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Invalid environment:\n${problems.map((problem) => `  ${problem}`).join("\n")}\nSee .env.example for every variable and a safe value.`);
  }
  cached = parsed.data;
  return cached;
}
