-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL,
    "itemId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "caseId" TEXT,
    "caseworkerId" TEXT,
    "meetingDate" TIMESTAMP(3) NOT NULL,
    "caseType" TEXT,
    "level" TEXT,
    "purpose" TEXT NOT NULL,
    "outcome" TEXT,
    "severityLevel" TEXT,
    "benefitLevel" TEXT,
    "resourceLevel" TEXT,
    "childrenAffected" BOOLEAN NOT NULL DEFAULT false,
    "personRef" TEXT,
    "services" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_itemId_key" ON "SearchEntry"("itemId");

-- CreateIndex
CREATE INDEX "SearchEntry_unitId_meetingDate_idx" ON "SearchEntry"("unitId", "meetingDate");

-- CreateIndex
CREATE INDEX "SearchEntry_caseId_idx" ON "SearchEntry"("caseId");

-- Full text (not in the Prisma schema): a stored tsvector in PostgreSQL's
-- Norwegian configuration (stemming, stop words), the title weighted above
-- the body, with a GIN index.
ALTER TABLE "SearchEntry" ADD COLUMN "tsv" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('norwegian', "title"), 'A') || setweight(to_tsvector('norwegian', "body"), 'B')
) STORED;

CREATE INDEX "SearchEntry_tsv_idx" ON "SearchEntry" USING GIN ("tsv");
