import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeOrg } from "@/tests/helpers/org";
import { exportLinkPath } from "@/lib/exports/link";
import { openExportDownload } from "@/lib/exports/download";
import { changeRole, setDisabled, setMessagingAccess } from "./access";
import { runDueJobs } from "@/lib/worker";
import { requestAuditExport } from "./audit-export";
import { createItem } from "./structure";

describe("the audit history as CSV", () => {
  it("is built in the background for the admin who asked, in their words, with formulas neutralised, for them only", async () => {
    const o = await makeOrg();
    await setMessagingAccess(o.admin, o.manager.id, false);
    await setDisabled(o.admin, o.teammate.id, true);
    await createItem(o.admin, "tag", '=HYPERLINK("http://evil")');
    await expect(requestAuditExport(o.manager, {})).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await requestAuditExport(o.admin, { category: "access" });
    expect(await db.job.count({ where: { key: `export:${id}`, doneAt: null } })).toBe(1); // queued, not built in the request
    await runDueJobs();
    const job = await db.exportJob.findUniqueOrThrow({ where: { id } });
    expect(job).toMatchObject({ status: "DONE", kind: "AUDIT", fileCount: 2 });
    const csv = (await readFile(job.filePath!, "utf8")).replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("When,By,What,About,Details");
    expect(lines[1]).toMatch(/,Ada Admin,Account disabled,Tess One,$/);
    expect(lines[2]).toMatch(/,Ada Admin,Access to messaging removed,Max Manager,$/);

    const all = await requestAuditExport(o.admin, {});
    await runDueJobs();
    const full = await readFile((await db.exportJob.findUniqueOrThrow({ where: { id: all.id } })).filePath!, "utf8");
    expect(full).toContain(`"'=HYPERLINK(""http://evil"")"`); // shown as text, never run

    const done = await db.exportJob.findUniqueOrThrow({ where: { id } });
    const url = new URL(exportLinkPath({ ...done, expiresAt: done.expiresAt! }), "http://x");
    const input = { exportId: id, expires: Number(url.searchParams.get("expires")), sig: url.searchParams.get("sig")! };
    expect((await openExportDownload(o.admin, input)).name).toMatch(/^shiftline-audit-.*\.csv$/);
    await changeRole(o.admin, o.manager2.id, "ADMIN");
    await expect(openExportDownload({ ...o.manager2, role: "ADMIN" }, input)).rejects.toBeInstanceOf(NotFoundError);
    // Its requester, demoted from admin since, no longer downloads it.
    await changeRole({ ...o.manager2, role: "ADMIN" }, o.admin.id, "MANAGER");
    await expect(openExportDownload({ ...o.admin, role: "MANAGER" }, input)).rejects.toBeInstanceOf(NotFoundError);
  });
});
