-- CreateTable
CREATE TABLE "CaptionTiming" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "editId" TEXT NOT NULL,
    "coopId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "spec" TEXT NOT NULL,
    "texts" TEXT,
    "lines" TEXT,
    "timedBy" TEXT,
    "errorCode" TEXT,
    "errorParams" TEXT,
    "requestedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    CONSTRAINT "CaptionTiming_editId_fkey" FOREIGN KEY ("editId") REFERENCES "Edit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CaptionTiming_editId_createdAt_idx" ON "CaptionTiming"("editId", "createdAt");

-- CreateIndex
CREATE INDEX "CaptionTiming_status_updatedAt_idx" ON "CaptionTiming"("status", "updatedAt");
