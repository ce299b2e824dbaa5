-- CreateTable
CREATE TABLE "LeaderCase" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LeaderCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaderCaseEvidence" (
    "id" TEXT NOT NULL,
    "leaderCaseId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "figures" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderCaseEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LeaderCase_unitId_updatedAt_idx" ON "LeaderCase"("unitId", "updatedAt");

-- CreateIndex
CREATE INDEX "LeaderCaseEvidence_leaderCaseId_createdAt_idx" ON "LeaderCaseEvidence"("leaderCaseId", "createdAt");

-- AddForeignKey
ALTER TABLE "LeaderCase" ADD CONSTRAINT "LeaderCase_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderCase" ADD CONSTRAINT "LeaderCase_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaderCaseEvidence" ADD CONSTRAINT "LeaderCaseEvidence_leaderCaseId_fkey" FOREIGN KEY ("leaderCaseId") REFERENCES "LeaderCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

