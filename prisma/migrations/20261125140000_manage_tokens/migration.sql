-- Every patient email about a booking carries its own manage link, so a booking can have several.

-- CreateTable
CREATE TABLE "ManageToken" (
    "tokenHash" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManageToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "ManageToken_bookingId_idx" ON "ManageToken"("bookingId");

-- AddForeignKey
ALTER TABLE "ManageToken" ADD CONSTRAINT "ManageToken_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Keep the links already sent.
INSERT INTO "ManageToken" ("tokenHash", "bookingId", "createdAt") SELECT "manageTokenHash", "id", "createdAt" FROM "Booking";

-- DropIndex
DROP INDEX "Booking_manageTokenHash_key";

-- AlterTable
ALTER TABLE "Booking" DROP COLUMN "manageTokenHash";
