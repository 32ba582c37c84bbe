-- AlterTable
ALTER TABLE "Product" ADD COLUMN "archivedAt" DATETIME;

-- AlterTable
ALTER TABLE "Edit" ADD COLUMN "archivedAt" DATETIME;

