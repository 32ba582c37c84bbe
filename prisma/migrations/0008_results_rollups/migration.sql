-- CreateTable
CREATE TABLE "ResultClickDay" (
    "linkId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "kind" TEXT NOT NULL,
    "destination" TEXT NOT NULL,
    "postId" TEXT,
    "targetId" TEXT,
    "renderId" TEXT,
    "channelId" TEXT,
    "productId" TEXT,
    "liveSessionId" TEXT,

    PRIMARY KEY ("linkId", "day")
);

-- CreateTable
CREATE TABLE "ResultOrder" (
    "orderId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "counted" BOOLEAN NOT NULL,
    "totalVnd" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "credit" TEXT NOT NULL,
    "postId" TEXT,
    "targetId" TEXT,
    "renderId" TEXT,
    "channelId" TEXT,
    "liveSessionId" TEXT,
    "linkId" TEXT,
    "orderUpdatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("orderId", "model")
);

-- CreateTable
CREATE TABLE "ResultEstimate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "counted" BOOLEAN NOT NULL,
    "productId" TEXT,
    "postId" TEXT,
    "targetId" TEXT,
    "renderId" TEXT,
    "channelId" TEXT,
    "orderShare" REAL NOT NULL,
    "revenueVnd" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "ResultClickDay_coopId_day_idx" ON "ResultClickDay"("coopId", "day");

-- CreateIndex
CREATE INDEX "ResultOrder_sums_idx" ON "ResultOrder"("coopId", "model", "day", "counted", "credit", "totalVnd", "postId", "targetId", "channelId", "renderId", "liveSessionId", "linkId", "orderId");

-- CreateIndex
CREATE INDEX "ResultOrder_sources_idx" ON "ResultOrder"("coopId", "model", "postId", "targetId", "channelId", "renderId", "liveSessionId", "linkId", "counted", "day", "totalVnd");

-- CreateIndex
CREATE INDEX "ResultEstimate_sums_idx" ON "ResultEstimate"("coopId", "model", "day", "counted", "productId", "postId", "targetId", "channelId", "renderId", "orderShare", "revenueVnd");

-- CreateIndex
CREATE INDEX "ResultEstimate_orderId_idx" ON "ResultEstimate"("orderId");

