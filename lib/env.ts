import { z } from "zod";

/**
 * The environment, validated once. Every variable is documented in .env.example.
 * The launcher (prisma/launch.mjs) fills DATABASE_URL with the embedded database when it is absent.
 */
const booleanString = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

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
  TRUST_PROXY: booleanString,
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).default(5000),
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(10_000),
  BENCH_PRECOMPUTED_FILE: z.string().optional(),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

export function getServerEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}\nSee .env.example for every variable and a safe value.`);
  }
  cached = parsed.data;
  return cached;
}
