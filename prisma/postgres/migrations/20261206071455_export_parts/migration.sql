-- AlterTable
ALTER TABLE "ExportJob" ALTER COLUMN "fileSize" SET DATA TYPE DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "ExportPart" (
    "exportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "filePath" TEXT NOT NULL,
    "fileSize" DOUBLE PRECISION NOT NULL,
    "fileCount" INTEGER NOT NULL,

    CONSTRAINT "ExportPart_pkey" PRIMARY KEY ("exportId","number")
);

-- AddForeignKey
ALTER TABLE "ExportPart" ADD CONSTRAINT "ExportPart_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "ExportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

