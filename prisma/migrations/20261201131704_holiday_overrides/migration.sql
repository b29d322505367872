-- CreateEnum
CREATE TYPE "HolidayOverrideKind" AS ENUM ('ADD', 'REMOVE');

-- CreateTable
CREATE TABLE "HolidayOverride" (
    "id" TEXT NOT NULL,
    "provinceId" TEXT,
    "date" DATE NOT NULL,
    "kind" "HolidayOverrideKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HolidayOverride_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HolidayOverride_date_idx" ON "HolidayOverride"("date");

-- CreateIndex
CREATE UNIQUE INDEX "HolidayOverride_provinceId_date_key" ON "HolidayOverride"("provinceId", "date");

-- AddForeignKey
ALTER TABLE "HolidayOverride" ADD CONSTRAINT "HolidayOverride_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;
