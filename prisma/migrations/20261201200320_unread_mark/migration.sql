-- AlterTable
ALTER TABLE "StaffReadState" ADD COLUMN "unreadMarkedAt" DATETIME;

