-- Treatment courses (issue 12): stored course settings, plans, patch tests, course sessions on
-- Booking, and the clinic's laser as a resource that the database itself keeps from double use.

-- CreateEnum
CREATE TYPE "TreatmentArea" AS ENUM ('small', 'full');

-- CreateEnum
CREATE TYPE "PatchTestResult" AS ENUM ('pass', 'fail');

-- AlterTable
ALTER TABLE "ClinicSettings" ADD COLUMN "minIntervalWeeks" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN "maxIntervalWeeks" INTEGER NOT NULL DEFAULT 8,
ADD COLUMN "patchTestWaitHours" INTEGER NOT NULL DEFAULT 48,
ADD COLUMN "patchTestValidMonths" INTEGER NOT NULL DEFAULT 6,
ADD COLUMN "laserDevices" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN "usesLaserDevice" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "treatmentPlanId" TEXT,
ADD COLUMN "laserDevice" INTEGER,
ADD COLUMN "courseOverrideReason" TEXT;

-- CreateTable
CREATE TABLE "TreatmentPlan" (
    "id" TEXT NOT NULL,
    "consultationId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "suitable" BOOLEAN NOT NULL,
    "area" "TreatmentArea" NOT NULL,
    "fitzpatrick" INTEGER NOT NULL,
    "estimatedSessions" INTEGER NOT NULL,
    "sessionPricePence" INTEGER NOT NULL,
    "notes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TreatmentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PatchTest" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "result" "PatchTestResult" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PatchTest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentPlanEvent" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TreatmentPlanEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecallInvitation" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "dueFrom" DATE NOT NULL,
    "dueBy" DATE NOT NULL,
    "sentById" TEXT,
    "sentAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecallInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Booking_treatmentPlanId_idx" ON "Booking"("treatmentPlanId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentPlan_consultationId_key" ON "TreatmentPlan"("consultationId");

-- CreateIndex
CREATE INDEX "TreatmentPlan_patientId_idx" ON "TreatmentPlan"("patientId");

-- CreateIndex
CREATE INDEX "TreatmentPlan_practitionerId_idx" ON "TreatmentPlan"("practitionerId");

-- CreateIndex
CREATE INDEX "PatchTest_planId_at_idx" ON "PatchTest"("planId", "at");

-- CreateIndex
CREATE INDEX "TreatmentPlanEvent_planId_createdAt_idx" ON "TreatmentPlanEvent"("planId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RecallInvitation_planId_dueFrom_key" ON "RecallInvitation"("planId", "dueFrom");

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_treatmentPlanId_fkey" FOREIGN KEY ("treatmentPlanId") REFERENCES "TreatmentPlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlan" ADD CONSTRAINT "TreatmentPlan_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlan" ADD CONSTRAINT "TreatmentPlan_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlan" ADD CONSTRAINT "TreatmentPlan_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlan" ADD CONSTRAINT "TreatmentPlan_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PatchTest" ADD CONSTRAINT "PatchTest_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TreatmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentPlanEvent" ADD CONSTRAINT "TreatmentPlanEvent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TreatmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecallInvitation" ADD CONSTRAINT "RecallInvitation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "TreatmentPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules Prisma's schema language cannot express (prisma/orm#17514).

-- The two laser services use the laser, and a laser session is never bookable online.
UPDATE "Service" SET "usesLaserDevice" = true, "bookableOnline" = false WHERE "slug" IN ('laser-small-area', 'laser-full-scalp');
ALTER TABLE "Service" ADD CONSTRAINT "Service_laser_never_online" CHECK (NOT ("usesLaserDevice" AND "bookableOnline"));

ALTER TABLE "ClinicSettings" ADD CONSTRAINT "ClinicSettings_course_rules_valid" CHECK (
  "minIntervalWeeks" >= 1 AND "maxIntervalWeeks" >= "minIntervalWeeks" AND "patchTestWaitHours" >= 0 AND "patchTestValidMonths" >= 1 AND "laserDevices" >= 1
);

ALTER TABLE "TreatmentPlan" ADD CONSTRAINT "TreatmentPlan_values_valid" CHECK (
  "fitzpatrick" BETWEEN 1 AND 6 AND "estimatedSessions" BETWEEN 1 AND 20 AND "sessionPricePence" >= 0
);

-- Every course session holds a laser.
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_laser_device_valid" CHECK ("laserDevice" IS NULL OR "laserDevice" >= 1);
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_course_session_has_device" CHECK ("treatmentPlanId" IS NULL OR "laserDevice" IS NOT NULL);

-- Laser sessions booked before this migration (phone bookings) take laser 1, except any that
-- overlap an earlier one: those keep no laser rather than make the constraint below fail.
UPDATE "Booking" AS b SET "laserDevice" = 1
  FROM "Service" AS s
 WHERE s."id" = b."serviceId" AND s."usesLaserDevice"
   AND b."status" IN ('requested', 'confirmed', 'attended', 'no_show')
   AND NOT EXISTS (
     SELECT 1 FROM "Booking" AS o JOIN "Service" AS os ON os."id" = o."serviceId"
      WHERE os."usesLaserDevice" AND o."id" <> b."id"
        AND o."status" IN ('requested', 'confirmed', 'attended', 'no_show')
        AND o."startsAt" < b."endsAt" AND o."endsAt" > b."startsAt"
        AND (o."startsAt", o."id") < (b."startsAt", b."id"));

-- The laser is a resource shared by every practitioner: one laser never holds two live sessions
-- whose times overlap, whatever the application does. Each session holds one laser (1..laserDevices,
-- chosen at booking time), so this one constraint serves any number of lasers. Half-open ranges let
-- one session end exactly when the next begins, as in "Booking_no_overlap".
ALTER TABLE "Booking"
  ADD CONSTRAINT "Booking_laser_no_overlap"
  EXCLUDE USING gist ("laserDevice" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("laserDevice" IS NOT NULL AND "status" IN ('requested', 'confirmed', 'attended', 'no_show'));

-- A new or moved booking of a laser service must hold a laser, so no path that forgets to choose
-- one (a phone booking, a move) can slip a session past the constraint above. The WASM engine
-- splits at every semicolon, so the body writes them as \073 (see the diary-version migration).
CREATE FUNCTION "booking_laser_service_needs_device"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NEW."laserDevice" IS NULL AND NEW."status" IN (\'requested\', \'confirmed\', \'attended\', \'no_show\')
     AND EXISTS (SELECT 1 FROM "Service" WHERE "id" = NEW."serviceId" AND "usesLaserDevice") THEN
    RAISE EXCEPTION \'a laser session must hold a laser (Booking.laserDevice)\' USING ERRCODE = \'check_violation\'\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "Booking_laser_service_needs_device" BEFORE INSERT OR UPDATE OF "startsAt", "endsAt", "serviceId", "laserDevice" ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION "booking_laser_service_needs_device"();
