-- AlterEnum
ALTER TYPE "NoticeKind" ADD VALUE 'ERASE_BY_HAND';
