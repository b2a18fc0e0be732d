-- AlterTable
ALTER TABLE "StaffReadState" ADD COLUMN     "unreadMarkedAt" TIMESTAMP(3);

