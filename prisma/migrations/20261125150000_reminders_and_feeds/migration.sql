-- AlterTable
ALTER TABLE "Practitioner" ADD COLUMN "calendarFeedTokenHash" TEXT;

-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "validForSequence" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Practitioner_calendarFeedTokenHash_key" ON "Practitioner"("calendarFeedTokenHash");
