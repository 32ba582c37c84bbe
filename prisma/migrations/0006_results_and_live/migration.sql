-- CreateTable
CREATE TABLE "LiveSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'planned',
    "platform" TEXT NOT NULL DEFAULT 'other',
    "channelId" TEXT,
    "liveVideoId" TEXT,
    "scheduledAt" DATETIME,
    "startedAt" DATETIME,
    "endedAt" DATETIME,
    "replayUrl" TEXT,
    "checklist" TEXT NOT NULL DEFAULT '[]',
    "onScreenItemId" TEXT,
    "overlayTokenHash" TEXT,
    "overlayToken" TEXT,
    "commentCursor" TEXT,
    "pollState" TEXT,
    "pollError" TEXT,
    "createdById" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveSession_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "priceVnd" INTEGER NOT NULL,
    "stockOpened" INTEGER,
    "talkingPoints" TEXT NOT NULL DEFAULT '',
    "segmentSeconds" INTEGER NOT NULL DEFAULT 300,
    "startedAt" DATETIME,
    CONSTRAINT "LiveItem_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveComment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "author" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "intent" TEXT NOT NULL DEFAULT 'none',
    "parsed" TEXT NOT NULL DEFAULT '{}',
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "repliedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveComment_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LiveOrderIntent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "viewerKey" TEXT NOT NULL,
    "viewerName" TEXT NOT NULL DEFAULT '',
    "commentIds" TEXT NOT NULL DEFAULT '[]',
    "items" TEXT NOT NULL DEFAULT '[]',
    "phone" TEXT,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "orderId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LiveOrderIntent_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "LiveSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProductBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "harvestDate" DATETIME,
    "growingArea" TEXT,
    "producerGroup" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProductBatch_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrackedLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "postTargetId" TEXT,
    "postId" TEXT,
    "renderId" TEXT,
    "liveSessionId" TEXT,
    "batchId" TEXT,
    "productId" TEXT,
    "destination" TEXT NOT NULL,
    "url" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmContent" TEXT,
    "label" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrackedLink_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Click" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "linkId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "clickId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "referrer" TEXT,
    "device" TEXT NOT NULL,
    "ipHash" TEXT NOT NULL,
    "visitorHash" TEXT NOT NULL,
    "bot" BOOLEAN NOT NULL DEFAULT false,
    "counted" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Click_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "TrackedLink" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClickSalt" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "salt" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "via" TEXT,
    "externalId" TEXT,
    "state" TEXT NOT NULL DEFAULT 'new',
    "customerName" TEXT NOT NULL DEFAULT '',
    "customerPhone" TEXT,
    "address" TEXT NOT NULL DEFAULT '',
    "note" TEXT NOT NULL DEFAULT '',
    "payment" TEXT NOT NULL DEFAULT 'cod',
    "totalVnd" INTEGER NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "firstClickId" TEXT,
    "lastClickId" TEXT,
    "promoCode" TEXT,
    "liveSessionId" TEXT,
    "sourcePostId" TEXT,
    "sourceTargetId" TEXT,
    "importId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "productId" TEXT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL DEFAULT '',
    "priceVnd" INTEGER NOT NULL,
    "qty" INTEGER NOT NULL,
    "amountVnd" INTEGER NOT NULL,
    CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "detail" TEXT,
    "byUserId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrderEvent_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PromoCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "postId" TEXT,
    "postTargetId" TEXT,
    "renderId" TEXT,
    "liveSessionId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "OrderImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'preview',
    "preview" TEXT NOT NULL,
    "added" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Coop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "phone" TEXT,
    "zalo" TEXT,
    "logoMediaId" TEXT,
    "postApproval" BOOLEAN NOT NULL DEFAULT false,
    "orderSeq" INTEGER NOT NULL DEFAULT 0,
    "attributionModel" TEXT NOT NULL DEFAULT 'last',
    "attributionWindowDays" INTEGER NOT NULL DEFAULT 7,
    "webhookId" TEXT,
    "webhookSecret" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Coop_logoMediaId_fkey" FOREIGN KEY ("logoMediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Coop" ("createdAt", "id", "logoMediaId", "name", "phone", "postApproval", "province", "timezone", "updatedAt", "zalo") SELECT "createdAt", "id", "logoMediaId", "name", "phone", "postApproval", "province", "timezone", "updatedAt", "zalo" FROM "Coop";
DROP TABLE "Coop";
ALTER TABLE "new_Coop" RENAME TO "Coop";
CREATE UNIQUE INDEX "Coop_logoMediaId_key" ON "Coop"("logoMediaId");
CREATE UNIQUE INDEX "Coop_webhookId_key" ON "Coop"("webhookId");
CREATE TABLE "new_Product" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "priceVnd" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "searchText" TEXT NOT NULL DEFAULT '',
    "growingArea" TEXT,
    "batch" TEXT,
    "harvestDate" DATETIME,
    "producerGroup" TEXT,
    "certifications" TEXT NOT NULL DEFAULT '[]',
    "shopeeUrl" TEXT,
    "lazadaUrl" TEXT,
    "tiktokShopUrl" TEXT,
    "facebookUrl" TEXT,
    "zaloUrl" TEXT,
    "orderPhone" TEXT,
    "publicSlug" TEXT,
    "publicPage" BOOLEAN NOT NULL DEFAULT true,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Product" ("archivedAt", "batch", "certifications", "code", "coopId", "createdAt", "description", "facebookUrl", "growingArea", "harvestDate", "id", "lazadaUrl", "name", "orderPhone", "priceVnd", "producerGroup", "searchText", "shopeeUrl", "tiktokShopUrl", "unit", "updatedAt", "zaloUrl") SELECT "archivedAt", "batch", "certifications", "code", "coopId", "createdAt", "description", "facebookUrl", "growingArea", "harvestDate", "id", "lazadaUrl", "name", "orderPhone", "priceVnd", "producerGroup", "searchText", "shopeeUrl", "tiktokShopUrl", "unit", "updatedAt", "zaloUrl" FROM "Product";
DROP TABLE "Product";
ALTER TABLE "new_Product" RENAME TO "Product";
CREATE UNIQUE INDEX "Product_publicSlug_key" ON "Product"("publicSlug");
CREATE INDEX "Product_coopId_name_idx" ON "Product"("coopId", "name");
CREATE UNIQUE INDEX "Product_coopId_code_key" ON "Product"("coopId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "LiveSession_overlayTokenHash_key" ON "LiveSession"("overlayTokenHash");

-- CreateIndex
CREATE INDEX "LiveSession_coopId_scheduledAt_idx" ON "LiveSession"("coopId", "scheduledAt");

-- CreateIndex
CREATE INDEX "LiveSession_state_idx" ON "LiveSession"("state");

-- CreateIndex
CREATE UNIQUE INDEX "LiveItem_sessionId_code_key" ON "LiveItem"("sessionId", "code");

-- CreateIndex
CREATE INDEX "LiveComment_sessionId_at_idx" ON "LiveComment"("sessionId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "LiveComment_sessionId_externalId_key" ON "LiveComment"("sessionId", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "LiveOrderIntent_orderId_key" ON "LiveOrderIntent"("orderId");

-- CreateIndex
CREATE INDEX "LiveOrderIntent_sessionId_state_idx" ON "LiveOrderIntent"("sessionId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "ProductBatch_slug_key" ON "ProductBatch"("slug");

-- CreateIndex
CREATE INDEX "ProductBatch_coopId_idx" ON "ProductBatch"("coopId");

-- CreateIndex
CREATE UNIQUE INDEX "ProductBatch_productId_code_key" ON "ProductBatch"("productId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "TrackedLink_slug_key" ON "TrackedLink"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "TrackedLink_postTargetId_key" ON "TrackedLink"("postTargetId");

-- CreateIndex
CREATE UNIQUE INDEX "TrackedLink_liveSessionId_key" ON "TrackedLink"("liveSessionId");

-- CreateIndex
CREATE INDEX "TrackedLink_coopId_kind_idx" ON "TrackedLink"("coopId", "kind");

-- CreateIndex
CREATE INDEX "TrackedLink_postId_idx" ON "TrackedLink"("postId");

-- CreateIndex
CREATE INDEX "TrackedLink_productId_idx" ON "TrackedLink"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "Click_clickId_key" ON "Click"("clickId");

-- CreateIndex
CREATE INDEX "Click_linkId_at_idx" ON "Click"("linkId", "at");

-- CreateIndex
CREATE INDEX "Click_coopId_at_idx" ON "Click"("coopId", "at");

-- CreateIndex
CREATE INDEX "Click_visitorHash_linkId_at_idx" ON "Click"("visitorHash", "linkId", "at");

-- CreateIndex
CREATE INDEX "Order_coopId_placedAt_idx" ON "Order"("coopId", "placedAt");

-- CreateIndex
CREATE INDEX "Order_coopId_state_idx" ON "Order"("coopId", "state");

-- CreateIndex
CREATE INDEX "Order_lastClickId_idx" ON "Order"("lastClickId");

-- CreateIndex
CREATE INDEX "Order_firstClickId_idx" ON "Order"("firstClickId");

-- CreateIndex
CREATE INDEX "Order_liveSessionId_idx" ON "Order"("liveSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_coopId_number_key" ON "Order"("coopId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Order_coopId_source_externalId_key" ON "Order"("coopId", "source", "externalId");

-- CreateIndex
CREATE INDEX "OrderLine_orderId_idx" ON "OrderLine"("orderId");

-- CreateIndex
CREATE INDEX "OrderLine_productId_idx" ON "OrderLine"("productId");

-- CreateIndex
CREATE INDEX "OrderEvent_orderId_at_idx" ON "OrderEvent"("orderId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "PromoCode_coopId_code_key" ON "PromoCode"("coopId", "code");

-- CreateIndex
CREATE INDEX "OrderImport_coopId_createdAt_idx" ON "OrderImport"("coopId", "createdAt");


-- Existing products get their public address (new ones get it from app/products).
UPDATE "Product" SET "publicSlug" = lower(hex(randomblob(5))) WHERE "publicSlug" IS NULL;
