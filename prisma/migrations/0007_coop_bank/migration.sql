-- The co-op's bank account for VietQR transfers on its public order pages
-- (docs/decisions/185-public-product-pages.md). All three or none.
ALTER TABLE "Coop" ADD COLUMN "bankBin" TEXT;
ALTER TABLE "Coop" ADD COLUMN "bankAccount" TEXT;
ALTER TABLE "Coop" ADD COLUMN "bankAccountName" TEXT;
