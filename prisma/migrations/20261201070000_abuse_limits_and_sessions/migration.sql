-- Issue 7: limits per patient, contact details per booking, manage-link expiry, server-side staff
-- sessions, and the shared rate-limit counters.

-- AlterTable
ALTER TABLE "ClinicSettings" ADD COLUMN "maxLiveRequestsPerPatient" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN "manageLinkDaysAfter" INTEGER NOT NULL DEFAULT 30;

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN "contactName" TEXT,
ADD COLUMN "contactPhone" TEXT,
ADD COLUMN "contactPhoneKey" TEXT;

-- Existing bookings said what their patient record says now (the best that is known). The phone
-- key is built as lib/bookings/phone.ts builds it: digits only, then the UK national form
UPDATE "Booking" AS b
SET "contactName" = p.name,
    "contactPhone" = p.phone,
    "contactPhoneKey" = regexp_replace(p.phone, '[^0-9]', '', 'g')
FROM "Patient" AS p
WHERE p.id = b."patientId";

UPDATE "Booking" SET "contactPhoneKey" = substr("contactPhoneKey", 3) WHERE "contactPhoneKey" LIKE '00%';

UPDATE "Booking"
SET "contactPhoneKey" = '0' || CASE WHEN substr("contactPhoneKey", 3, 1) = '0' THEN substr("contactPhoneKey", 4) ELSE substr("contactPhoneKey", 3) END
WHERE "contactPhoneKey" LIKE '44%' AND length("contactPhoneKey") >= 12;

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_counters" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limit_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "Booking_contactPhoneKey_idx" ON "Booking"("contactPhoneKey");

-- CreateIndex
CREATE INDEX "StaffSession_staffUserId_idx" ON "StaffSession"("staffUserId");

-- CreateIndex
CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");

-- CreateIndex
CREATE INDEX "rate_limit_counters_expire_idx" ON "rate_limit_counters"("expire");

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
