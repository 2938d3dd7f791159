// Seeds what the clinic needs to run: settings, services and prices, Sally and Hannah with their
// working hours, and the four staff accounts. Safe to run again: it fills in what is missing and
// never overwrites what staff have changed (passwords included).
import { PrismaPg } from "@prisma/adapter-pg";
import bcrypt from "bcryptjs";
import { PrismaClient } from "../lib/generated/prisma/client";
import { EXAMPLE_VALUES, isLocalAppUrl } from "../lib/server/production-env.mjs";

const HOUR = 60;

const practitioners = [
  {
    slug: "sally",
    name: "Sally",
    title: "Level 4 laser practitioner",
    bio: "Sally holds a Level 4 certificate in laser and IPL treatments and has spent years helping clients fade unwanted pigment. She is known for careful, honest assessments and for putting nervous patients at ease.",
    sortOrder: 1,
    // Monday to Friday but Thursday, 09:00-17:00 with lunch 13:00-13:30.
    hours: [1, 2, 3, 5].map((weekday) => ({ weekday, startMinute: 9 * HOUR, endMinute: 17 * HOUR })),
    breaks: [1, 2, 3, 5].map((weekday) => ({ weekday, startMinute: 13 * HOUR, endMinute: 13 * HOUR + 30 })),
  },
  {
    slug: "hannah",
    name: "Hannah",
    title: "Level 4 laser practitioner",
    bio: "Hannah is Level 4 certified in laser treatment and specialises in removing scalp micropigmentation. She will talk you through every step, from the first patch test to your final session.",
    sortOrder: 2,
    // Tuesday to Thursday 10:00-18:00 with lunch 14:00-14:30, Saturday 09:00-14:00.
    hours: [
      ...[2, 3, 4].map((weekday) => ({ weekday, startMinute: 10 * HOUR, endMinute: 18 * HOUR })),
      { weekday: 6, startMinute: 9 * HOUR, endMinute: 14 * HOUR },
    ],
    breaks: [2, 3, 4].map((weekday) => ({ weekday, startMinute: 14 * HOUR, endMinute: 14 * HOUR + 30 })),
  },
];

const services = [
  {
    slug: "consultation",
    name: "Free consultation",
    description: "A 30-minute assessment of your SMP (depth, colour and area) and a treatment plan, with no obligation.",
    durationMinutes: 30,
    slotIntervalMinutes: 30,
    priceFromPence: 0,
    bookableOnline: true,
    sortOrder: 1,
  },
  {
    slug: "laser-small-area",
    name: "Laser session: small area",
    description: "About 20 minutes of PicoWay laser treatment on a small area, such as a hairline or a patch.",
    durationMinutes: 20,
    slotIntervalMinutes: 10,
    priceFromPence: 10_000,
    bookableOnline: false,
    usesLaserDevice: true,
    sortOrder: 2,
  },
  {
    slug: "laser-full-scalp",
    name: "Laser session: full scalp",
    description: "About 20 minutes of PicoWay laser treatment across the whole scalp.",
    durationMinutes: 20,
    slotIntervalMinutes: 10,
    priceFromPence: 25_000,
    bookableOnline: false,
    usesLaserDevice: true,
    sortOrder: 3,
  },
];

const staff = [
  { email: "sally@clinic.example", name: "Sally", role: "practitioner" as const, practitioner: "sally" },
  { email: "hannah@clinic.example", name: "Hannah", role: "practitioner" as const, practitioner: "hannah" },
  { email: "reception@clinic.example", name: "Reception", role: "receptionist" as const },
  { email: "admin@clinic.example", name: "Clinic admin", role: "admin" as const },
];

async function seed(databaseUrl: string, staffPassword: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, options: "-c TimeZone=UTC" }) });
  try {
    await prisma.clinicSettings.upsert({
      where: { id: 1 },
      update: {},
      create: {
        id: 1,
        name: "Victoria House Clinic",
        addressLines: ["Victoria House", "12 Victoria Road", "Sutton Coldfield", "Birmingham B72 1AA"],
        phone: "0121 000 0000",
        email: "hello@victoriahouse.example",
        minNoticeMinutes: 12 * HOUR,
        maxAdvanceDays: 12 * 7,
        patientChangeCutoffMinutes: 24 * HOUR,
        reminderLeadMinutes: 24 * HOUR,
        minIntervalWeeks: 6,
        maxIntervalWeeks: 8,
        patchTestWaitHours: 48,
        patchTestValidMonths: 6,
        laserDevices: 1,
      },
    });
    for (const service of services) {
      await prisma.service.upsert({ where: { slug: service.slug }, update: {}, create: service });
    }
    for (const { hours, breaks, ...practitioner } of practitioners) {
      const existing = await prisma.practitioner.findUnique({ where: { slug: practitioner.slug } });
      if (existing) continue;
      await prisma.practitioner.create({
        data: { ...practitioner, weeklyHours: { create: hours }, weeklyBreaks: { create: breaks } },
      });
    }
    const passwordHash = await bcrypt.hash(staffPassword, 12);
    for (const member of staff) {
      const practitioner = "practitioner" in member ? await prisma.practitioner.findUniqueOrThrow({ where: { slug: member.practitioner } }) : null;
      await prisma.staffUser.upsert({
        where: { email: member.email },
        update: {},
        create: { email: member.email, name: member.name, role: member.role, passwordHash, practitionerId: practitioner?.id },
      });
    }
  } finally {
    await prisma.$disconnect();
  }
}

const url = process.env.DATABASE_URL;
const password = process.env.SEED_STAFF_PASSWORD;
if (!url) throw new Error("DATABASE_URL is not set");
if (!password || password.length < 12) throw new Error("SEED_STAFF_PASSWORD must be set (at least 12 characters, like the admin's password rule); see .env.example");
// bcrypt reads only the first 72 bytes of a password (lib/validation/admin.ts has the same rule).
if (new TextEncoder().encode(password).length > 72) throw new Error("SEED_STAFF_PASSWORD must be at most 72 bytes");
if (process.env.NODE_ENV === "production" && !isLocalAppUrl(process.env.APP_URL) && password === EXAMPLE_VALUES.SEED_STAFF_PASSWORD) {
  throw new Error("SEED_STAFF_PASSWORD is the public development value from .env.example: choose another before seeding a production database");
}
await seed(url, password);
console.log("Seeded clinic settings, services, practitioners and staff accounts.");
