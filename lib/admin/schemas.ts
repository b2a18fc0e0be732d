import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { EVERYONE, STAFF_ROLES } from "@/lib/auth/roles";

const id = z.string().trim().min(1, "errors.staleRequest").max(64, "errors.staleRequest");
const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "errors.emailRequired")
  .max(254, "errors.emailTooLong")
  .pipe(z.email("errors.emailInvalid"));
const personName = (key: string) => z.string().trim().min(1, key).max(80, "errors.person.nameTooLong");

const PASSWORD_MIN = 10;
/** A new password: long enough, not absurdly long, typed twice alike. */
const newPassword = z.string().min(PASSWORD_MIN, "errors.password.tooShort").max(200, "errors.passwordTooLong");

export const inviteSchema = z.object({
  email,
  firstName: personName("errors.person.firstNameRequired"),
  lastName: personName("errors.person.lastNameRequired"),
  role: z.enum(EVERYONE, "errors.person.chooseRole"),
  locale: z.enum(LOCALES, "errors.chooseLanguage"),
  departmentId: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]*$/, "errors.staleRequest")
    .optional()
    .transform((v) => v || undefined),
});

export const roleSchema = z.object({ userId: id, role: z.enum(STAFF_ROLES, "errors.person.chooseRole") });
const onOff = z.enum(["true", "false"], "errors.staleRequest").transform((v) => v === "true");
export const messagingSchema = z.object({ userId: id, on: onOff });
export const disabledSchema = z.object({ userId: id, disabled: onOff });
export const personSchema = z.object({ userId: id });

export const setPasswordSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "errors.link.expired"),
    purpose: z.enum(["invite", "reset"]),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "errors.password.mismatch", path: ["confirm"] });

export const resetRequestSchema = z.object({ email });

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "errors.passwordRequired").max(200, "errors.passwordTooLong"),
    password: newPassword,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "errors.password.mismatch", path: ["confirm"] });

const ids = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v === undefined ? [] : v),
  z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "errors.staleRequest")).max(100, "errors.staleRequest"),
);
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "errors.person.fieldTooLong")
    .optional()
    .transform((v) => v || null);

/** A teammate's profile as staff edit it. The mobile number in E.164 ("+33612345678"), or empty. */
export const profileSchema = z.object({
  userId: id,
  firstName: personName("errors.person.firstNameRequired"),
  lastName: personName("errors.person.lastNameRequired"),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.()-]/g, ""))
    .pipe(z.union([z.literal(""), z.string().regex(/^\+[1-9]\d{6,14}$/, "errors.person.phoneInvalid")]))
    .transform((v) => v || null),
  smsConsent: checkbox,
  street: optionalText(120),
  postcode: optionalText(20),
  city: optionalText(80),
  locale: z.enum(LOCALES, "errors.chooseLanguage"),
  departmentId: optionalText(64),
  groupIds: ids,
  skillIds: ids,
  tagIds: ids,
  waitingList: checkbox,
  active: checkbox,
});
export type ProfileInput = z.infer<typeof profileSchema>;

const kind = z.enum(["department", "group", "skill", "tag", "activity"], "errors.staleRequest");
const itemName = z.string().trim().min(1, "errors.structure.nameRequired").max(80, "errors.structure.nameTooLong");
export const createItemSchema = z.object({
  kind,
  name: itemName,
  departmentId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});
export const renameItemSchema = z.object({ kind, id, name: itemName });
export const archiveItemSchema = z.object({ kind, id, archived: onOff });

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);
/** The audit screen's filters from the URL; bad values are ignored. */
export const auditFiltersSchema = z.object({
  category: z
    .enum(["access", "consent", "profiles", "chat", "structure", "schedule", "messaging"])
    .optional()
    .catch(undefined),
  actor: z
    .string()
    .trim()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

const CSV_MAX_BYTES = 900_000; // under the server actions' 1 MB
/** Step 1, the file to preview; step 2, the same text, confirmed. */
export const importPreviewSchema = z.object({
  file: z
    .instanceof(File, { message: "errors.import.chooseFile" })
    .refine((f) => f.size > 0, "errors.import.chooseFile")
    .refine((f) => f.size <= CSV_MAX_BYTES, "errors.import.tooLarge"),
});
export const importRunSchema = z.object({
  csv: z.string().min(1, "errors.import.chooseFile").max(CSV_MAX_BYTES, "errors.import.tooLarge"),
  invite: checkbox,
});

/** How long an author may edit a message after sending it, in minutes (0: editing off; at most a day). */
export const editWindowSchema = z.object({
  minutes: z.coerce
    .number({ message: "errors.editWindow" })
    .int("errors.editWindow")
    .min(0, "errors.editWindow")
    .max(1440, "errors.editWindow"),
});
