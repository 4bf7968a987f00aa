-- CreateTable
CREATE TABLE "CatalogueVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "effective" TEXT,
    "legend" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ServiceType" (
    "versionId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "notes" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("versionId", "key"),
    CONSTRAINT "ServiceType_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CatalogueVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Requirement" (
    "versionId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "serviceTypeKey" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "markHigh" TEXT NOT NULL,
    "markMedium" TEXT NOT NULL,
    "markNormal" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "hints" TEXT NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("versionId", "id"),
    CONSTRAINT "Requirement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "CatalogueVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Requirement_versionId_serviceTypeKey_fkey" FOREIGN KEY ("versionId", "serviceTypeKey") REFERENCES "ServiceType" ("versionId", "key") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Requirement_versionId_serviceTypeKey_position_idx" ON "Requirement"("versionId", "serviceTypeKey", "position");
