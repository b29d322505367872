-- CreateTable
CREATE TABLE "VerifyRequestWindow" (
    "address" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "VerifyRequestWindow_pkey" PRIMARY KEY ("address","windowStart")
);
