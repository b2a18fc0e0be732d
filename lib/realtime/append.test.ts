import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sql, writeTransaction } from "@/lib/db/sql";
import { sendInboxMessage } from "@/lib/inbox/send";
import { cid, makeOrg } from "@/tests/helpers/org";
import { appendEvent } from "./append";

// The event log on the hot path. On PostgreSQL the event is written with the COMMIT, its values
// written into the statement (lib/db/event-log.ts): what a user typed must come back exactly,
// and an event that cannot be written must take its whole transaction with it.

describe("the event log on the hot path", () => {
  it("keeps a message's text exactly in its event, whatever characters it has", async () => {
    const { manager, teammate } = await makeOrg();
    const body = `It's 5\\6 "quoted" $1 $$x$$ E'\\\\' ; COMMIT; -- é 🙂\nsecond line\ttab`;
    await sendInboxMessage(manager, { conversationId: teammate.threadId, body, clientId: cid() });
    const stored = await db.message.findFirstOrThrow({ where: { conversationId: teammate.threadId } });
    expect(stored.body).toBe(body);
    const event = await db.event.findFirstOrThrow({
      where: { organizationId: teammate.organizationId, type: "message.created" },
    });
    expect((event.payload as { message: { body: string } }).message.body).toBe(body);
    expect(event.seq).toBeGreaterThan(0);
  });

  it("an event for an organisation that does not exist rolls back the whole transaction", async () => {
    const { org, teammate } = await makeOrg();
    const events = () => db.event.count({ where: { organizationId: org.id } });
    const first = await events();
    // A positive control: the same transaction with a real organisation writes both.
    await writeTransaction(async (tx) => {
      await tx.run(sql`UPDATE "Organization" SET "name" = ${"Renamed"} WHERE "id" = ${org.id}`);
      await appendEvent(
        tx,
        "session.ended",
        { organizationId: org.id, audience: "USER", userId: teammate.id },
        {
          sessionId: null,
        },
      );
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Renamed");
    expect(await events()).toBe(first + 1);

    await expect(
      writeTransaction(async (tx) => {
        await tx.run(sql`UPDATE "Organization" SET "name" = ${"Lost"} WHERE "id" = ${org.id}`);
        await appendEvent(
          tx,
          "session.ended",
          { organizationId: "no-such-org", audience: "USER", userId: teammate.id },
          {
            sessionId: null,
          },
        );
      }),
    ).rejects.toThrow();
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Renamed");
    expect(await events()).toBe(first + 1);
  });
});
