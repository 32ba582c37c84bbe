-- CreateTable
CREATE TABLE "Channel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "manualKind" TEXT,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "pictureUrl" TEXT,
    "address" TEXT,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "accessExpiresAt" DATETIME,
    "refreshExpiresAt" DATETIME,
    "scopes" TEXT,
    "state" TEXT NOT NULL DEFAULT 'connected',
    "stateReason" TEXT,
    "directPost" BOOLEAN NOT NULL DEFAULT false,
    "refreshLeaseId" TEXT,
    "refreshLeaseUntil" DATETIME,
    "lastRefreshedAt" DATETIME,
    "connectedById" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Channel_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Channel_connectedById_fkey" FOREIGN KEY ("connectedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OAuthState" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "stateHash" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeVerifier" TEXT,
    "returnTo" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "renderId" TEXT,
    "photoPostId" TEXT,
    "productId" TEXT,
    "caption" TEXT NOT NULL,
    "hashtags" TEXT NOT NULL DEFAULT '',
    "link" TEXT,
    "tone" TEXT,
    "approvalState" TEXT NOT NULL DEFAULT 'none',
    "approvalComment" TEXT,
    "approvedById" TEXT,
    "approvedAt" DATETIME,
    "seriesId" TEXT,
    "createdById" TEXT,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Post_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_renderId_fkey" FOREIGN KEY ("renderId") REFERENCES "Render" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Post_photoPostId_fkey" FOREIGN KEY ("photoPostId") REFERENCES "PhotoPostRender" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Post_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Post_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Post_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostTarget" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "caption" TEXT,
    "title" TEXT,
    "privacy" TEXT,
    "options" TEXT NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL DEFAULT 'draft',
    "reason" TEXT,
    "reasonParams" TEXT,
    "dueAt" DATETIME,
    "stateChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "platformId" TEXT,
    "checkpoint" TEXT NOT NULL DEFAULT '{}',
    "postUrl" TEXT,
    "publishedAt" DATETIME,
    "errorKind" TEXT,
    "errorMessage" TEXT,
    "markedById" TEXT,
    "nextInsightsAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PostTarget_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostTarget_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "Channel" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "PostTarget_markedById_fkey" FOREIGN KEY ("markedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublishAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "targetId" TEXT NOT NULL,
    "run" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "tries" INTEGER NOT NULL DEFAULT 0,
    "platformId" TEXT,
    "errorKind" TEXT,
    "errorMessage" TEXT,
    "answer" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "PublishAttempt_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "PostTarget" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EngagementSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "targetId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "takenAt" DATETIME NOT NULL,
    "views" INTEGER,
    "likes" INTEGER,
    "comments" INTEGER,
    "shares" INTEGER,
    "source" TEXT NOT NULL DEFAULT 'api',
    "enteredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EngagementSnapshot_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "PostTarget" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "coopId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "href" TEXT,
    "dedupeKey" TEXT,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_coopId_fkey" FOREIGN KEY ("coopId") REFERENCES "Coop" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Coop_logoMediaId_fkey" FOREIGN KEY ("logoMediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Coop" ("createdAt", "id", "logoMediaId", "name", "phone", "province", "timezone", "updatedAt", "zalo") SELECT "createdAt", "id", "logoMediaId", "name", "phone", "province", "timezone", "updatedAt", "zalo" FROM "Coop";
DROP TABLE "Coop";
ALTER TABLE "new_Coop" RENAME TO "Coop";
CREATE UNIQUE INDEX "Coop_logoMediaId_key" ON "Coop"("logoMediaId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Channel_coopId_archivedAt_idx" ON "Channel"("coopId", "archivedAt");

-- CreateIndex
CREATE INDEX "Channel_state_accessExpiresAt_idx" ON "Channel"("state", "accessExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Channel_coopId_platform_externalId_key" ON "Channel"("coopId", "platform", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthState_stateHash_key" ON "OAuthState"("stateHash");

-- CreateIndex
CREATE INDEX "OAuthState_expiresAt_idx" ON "OAuthState"("expiresAt");

-- CreateIndex
CREATE INDEX "Post_coopId_createdAt_idx" ON "Post"("coopId", "createdAt");

-- CreateIndex
CREATE INDEX "Post_seriesId_idx" ON "Post"("seriesId");

-- CreateIndex
CREATE INDEX "PostTarget_state_dueAt_idx" ON "PostTarget"("state", "dueAt");

-- CreateIndex
CREATE INDEX "PostTarget_coopId_dueAt_idx" ON "PostTarget"("coopId", "dueAt");

-- CreateIndex
CREATE INDEX "PostTarget_channelId_publishedAt_idx" ON "PostTarget"("channelId", "publishedAt");

-- CreateIndex
CREATE INDEX "PostTarget_nextInsightsAt_idx" ON "PostTarget"("nextInsightsAt");

-- CreateIndex
CREATE UNIQUE INDEX "PostTarget_postId_channelId_key" ON "PostTarget"("postId", "channelId");

-- CreateIndex
CREATE INDEX "PublishAttempt_targetId_startedAt_idx" ON "PublishAttempt"("targetId", "startedAt");

-- CreateIndex
CREATE INDEX "EngagementSnapshot_targetId_takenAt_idx" ON "EngagementSnapshot"("targetId", "takenAt");

-- CreateIndex
CREATE INDEX "EngagementSnapshot_coopId_takenAt_idx" ON "EngagementSnapshot"("coopId", "takenAt");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_createdAt_idx" ON "Notification"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_dedupeKey_key" ON "Notification"("userId", "dedupeKey");

