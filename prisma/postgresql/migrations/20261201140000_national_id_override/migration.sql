-- CreateTable
CREATE TABLE "NationalIdOverride" (
    "id" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "valueHash" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NationalIdOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NationalIdOverride_document_field_valueHash_key" ON "NationalIdOverride"("document", "field", "valueHash");

