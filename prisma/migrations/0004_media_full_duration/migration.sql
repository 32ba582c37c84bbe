-- AlterTable
ALTER TABLE "Media" ADD COLUMN "fullDurationMs" INTEGER;
