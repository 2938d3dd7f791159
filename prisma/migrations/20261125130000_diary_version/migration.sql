-- CreateTable
CREATE TABLE "DiaryVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DiaryVersion_pkey" PRIMARY KEY ("id")
);

-- Hand-written: the single row and the triggers that keep it current (Prisma cannot express them).
ALTER TABLE "DiaryVersion" ADD CONSTRAINT "DiaryVersion_single_row" CHECK ("id" = 1);
INSERT INTO "DiaryVersion" ("id", "version") VALUES (1, 0);

-- The bump is an ordinary row update, so readers see the new version only once the change that
-- caused it has committed: a cache filled after reading version N never holds data older than N.
-- The WASM schema engine sends a migration statement by statement, splitting the script at every
-- semicolon, even inside quotes. So the function body writes its semicolons as the escape \073.
CREATE FUNCTION "bump_diary_version"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "DiaryVersion" SET "version" = "version" + 1 WHERE "id" = 1\073
  RETURN NULL\073
END
';

CREATE TRIGGER "Booking_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Booking" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
CREATE TRIGGER "TimeOff_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TimeOff" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
CREATE TRIGGER "WeeklyHours_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WeeklyHours" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
CREATE TRIGGER "WeeklyBreak_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WeeklyBreak" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
CREATE TRIGGER "DateOverride_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DateOverride" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
CREATE TRIGGER "Practitioner_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Practitioner" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
CREATE TRIGGER "Service_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Service" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
CREATE TRIGGER "ClinicSettings_bumps_diary_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ClinicSettings" FOR EACH STATEMENT EXECUTE FUNCTION "bump_diary_version"();
