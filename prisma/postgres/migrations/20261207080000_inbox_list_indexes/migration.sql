-- The inbox list in the order it is read (issue 28). Its sorts put threads without messages
-- last ("lastMessageAt" DESC NULLS LAST); an ascending index read backwards gives NULLS FIRST,
-- so PostgreSQL sorted all of an organisation's threads for each page (10,000 threads: 22 ms).
-- The same indexes, in that order, under the same names. (SQLite's NULLs sort first ascending,
-- so its ascending indexes read backwards are already in this order.)
DROP INDEX "Conversation_organizationId_kind_lastMessageAt_idx";
CREATE INDEX "Conversation_organizationId_kind_lastMessageAt_idx" ON "Conversation" ("organizationId", "kind", "lastMessageAt" DESC NULLS LAST);
DROP INDEX "Conversation_organizationId_kind_lastInboundAt_idx";
CREATE INDEX "Conversation_organizationId_kind_lastInboundAt_idx" ON "Conversation" ("organizationId", "kind", "lastInboundAt" DESC NULLS LAST);
DROP INDEX "Conversation_organizationId_kind_processed_lastMessageAt_idx";
CREATE INDEX "Conversation_organizationId_kind_processed_lastMessageAt_idx" ON "Conversation" ("organizationId", "kind", "processed", "lastMessageAt" DESC NULLS LAST);
DROP INDEX "Conversation_organizationId_kind_assigneeId_lastMessageAt_idx";
CREATE INDEX "Conversation_organizationId_kind_assigneeId_lastMessageAt_idx" ON "Conversation" ("organizationId", "kind", "assigneeId", "lastMessageAt" DESC NULLS LAST);

-- A thread's unread count is its teammate's messages after the reader's position: counted in
-- this index alone, without reading each message (50 threads of 100 unread: 10,000 pages).
CREATE INDEX "Message_inbound_seq_idx" ON "Message" ("conversationId", "seq") WHERE "fromStaff" = false;
