"use server";

import { redirect } from "next/navigation";
import { createAction } from "@/lib/api/action";
import { requestAttachmentsExport, retryExport } from "./jobs";
import { requestExportSchema, retryExportSchema } from "./schemas";

const STAFF = ["ADMIN", "MANAGER"] as const;

export const requestExportAction = createAction({ schema: requestExportSchema, roles: STAFF }, async (input, { user }) => {
  const { page: _page, sort: _sort, pick, ...filters } = input;
  void _page;
  void _sort;
  const { id } = await requestAttachmentsExport(user, pick?.length ? { teammateIds: pick } : { filters });
  redirect(`/exports?requested=${encodeURIComponent(id)}`);
});

export const retryExportAction = createAction({ schema: retryExportSchema, roles: STAFF }, async (input, { user }) => {
  const { id } = await retryExport(user, input.exportId);
  redirect(`/exports?requested=${encodeURIComponent(id)}`);
});
