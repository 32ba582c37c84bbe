-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Password" (
    "hash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    CONSTRAINT "Password_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "activeCoopId" TEXT,
    "userAgent" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Coop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "phone" TEXT,
    "zalo" TEXT,
    "logoMediaId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Coop_logoMediaId_fkey" FOREIGN KEY ("logoMediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Membership_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "acceptedById" TEXT,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invite_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "replacedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PasswordReset_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PasswordReset_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Product" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Product_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProductPhoto" (
    "productId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("productId", "mediaId"),
    CONSTRAINT "ProductPhoto_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProductPhoto_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Media" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "uploadedById" TEXT,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'processing',
    "errorCode" TEXT,
    "displayName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT,
    "fingerprint" TEXT,
    "storageKey" TEXT NOT NULL,
    "thumbKey" TEXT,
    "proxyKey" TEXT,
    "posterKey" TEXT,
    "durationMs" INTEGER,
    "width" INTEGER,
    "height" INTEGER,
    "rotation" INTEGER NOT NULL DEFAULT 0,
    "videoCodec" TEXT,
    "audioCodec" TEXT,
    "hasAudio" BOOLEAN,
    "fps" REAL,
    "takenAt" DATETIME,
    "place" TEXT,
    "season" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "duplicateOfId" TEXT,
    "duplicateAccepted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Media_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Media_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Media_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediaProduct" (
    "mediaId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    PRIMARY KEY ("mediaId", "productId"),
    CONSTRAINT "MediaProduct_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MediaProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Edit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "templateId" TEXT,
    "productId" TEXT,
    "spec" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Edit_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Edit_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Edit_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Render" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "quality" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "spec" TEXT NOT NULL,
    "cacheKey" TEXT NOT NULL,
    "outputKey" TEXT,
    "metadata" TEXT,
    "errorCode" TEXT,
    "errorParams" TEXT,
    "errorDetail" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "reusedFromId" TEXT,
    "requestedById" TEXT,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    "handedOffAt" DATETIME,
    "handedOffById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Render_editId_fkey" FOREIGN KEY ("editId") REFERENCES "Edit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Render_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Render_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PhotoPostRender" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "productId" TEXT,
    "title" TEXT NOT NULL,
    "spec" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "outputs" TEXT,
    "errorCode" TEXT,
    "errorParams" TEXT,
    "errorDetail" TEXT,
    "requestedById" TEXT,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PhotoPostRender_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PhotoPostRender_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PhotoPostRender_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediaAnalysis" (
    "mediaId" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "suggestions" TEXT NOT NULL DEFAULT '[]',
    "flags" TEXT NOT NULL DEFAULT '[]',
    "errorDetail" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaAnalysis_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Password_userId_key" ON "Password"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Coop_logoMediaId_key" ON "Coop"("logoMediaId");

-- CreateIndex
CREATE INDEX "Membership_coopId_idx" ON "Membership"("coopId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_coopId_key" ON "Membership"("userId", "coopId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE INDEX "Invite_coopId_idx" ON "Invite"("coopId");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- CreateIndex
CREATE INDEX "PasswordReset_coopId_idx" ON "PasswordReset"("coopId");

-- CreateIndex
CREATE INDEX "Product_coopId_name_idx" ON "Product"("coopId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Product_coopId_code_key" ON "Product"("coopId", "code");

-- CreateIndex
CREATE INDEX "ProductPhoto_mediaId_idx" ON "ProductPhoto"("mediaId");

-- CreateIndex
CREATE UNIQUE INDEX "Media_storageKey_key" ON "Media"("storageKey");

-- CreateIndex
CREATE INDEX "Media_coopId_createdAt_idx" ON "Media"("coopId", "createdAt");

-- CreateIndex
CREATE INDEX "Media_coopId_sha256_idx" ON "Media"("coopId", "sha256");

-- CreateIndex
CREATE INDEX "Media_coopId_fingerprint_idx" ON "Media"("coopId", "fingerprint");

-- CreateIndex
CREATE INDEX "Media_duplicateOfId_idx" ON "Media"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Media_status_updatedAt_idx" ON "Media"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "MediaProduct_productId_idx" ON "MediaProduct"("productId");

-- CreateIndex
CREATE INDEX "Edit_coopId_updatedAt_idx" ON "Edit"("coopId", "updatedAt");

-- CreateIndex
CREATE INDEX "Render_editId_createdAt_idx" ON "Render"("editId", "createdAt");

-- CreateIndex
CREATE INDEX "Render_coopId_cacheKey_idx" ON "Render"("coopId", "cacheKey");

-- CreateIndex
CREATE INDEX "Render_coopId_handedOffAt_idx" ON "Render"("coopId", "handedOffAt");

-- CreateIndex
CREATE INDEX "Render_status_updatedAt_idx" ON "Render"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "PhotoPostRender_coopId_createdAt_idx" ON "PhotoPostRender"("coopId", "createdAt");

-- CreateIndex
CREATE INDEX "PhotoPostRender_status_updatedAt_idx" ON "PhotoPostRender"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "MediaAnalysis_coopId_idx" ON "MediaAnalysis"("coopId");

