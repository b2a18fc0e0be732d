"use server";

import { redirect } from "next/navigation";
import { createAction } from "@/lib/api/action";
import { requestAttachmentsExport, retryExport } from "./jobs";
import { requestExportSchema, retryExportSchema } from "./schemas";
import { viewFilters } from "@/lib/inbox/filters-url";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const requestExportAction = createAction(
  { schema: requestExportSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { pick, ...view } = input;
    const { id } = await requestAttachmentsExport(
      user,
      pick?.length ? { teammateIds: pick } : { filters: viewFilters(view) },
    );
    redirect(`/exports?requested=${encodeURIComponent(id)}`);
  },
);

export const retryExportAction = createAction(
  { schema: retryExportSchema, roles: STAFF_ROLES },
  async (input, { user }) => {
    const { id } = await retryExport(user, input.exportId);
    redirect(`/exports?requested=${encodeURIComponent(id)}`);
  },
);
