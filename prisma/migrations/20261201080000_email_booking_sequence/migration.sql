-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN "bookingSequence" INTEGER;
