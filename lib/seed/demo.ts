import type { PrismaClient } from "../db/generated/client";
import { weekStart } from "../text/time";
import { translatorFor } from "../i18n/translator";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../i18n/locales";
import {
  addMessage,
  createChatConversation,
  setThreadProcessed,
  createDepartment,
  createOrganization,
  createShift,
  createStaff,
  createTeammate,
} from "./factories";

// The demo organisation: deterministic (a seeded random generator), with dates
// relative to the day it is seeded so the schedule is always current. Its texts are
// catalogue keys ("demo.…"), written in the seed's language (`npm run setup -- --lang fr`);
// a third of the teammates and one manager speak the other language, and their threads are
// in theirs, so one organisation shows both.

export const DEMO_PASSWORD = "shiftline-demo";
const DEMO_DOMAIN = "northwind.test";
const DEMO_STAFF = [
  { role: "ADMIN", firstName: "Ada", lastName: "Admin", email: `admin@${DEMO_DOMAIN}` },
  { role: "MANAGER", firstName: "Maya", lastName: "Moreau", email: `maya@${DEMO_DOMAIN}` },
  { role: "MANAGER", firstName: "Marc", lastName: "Leroy", email: `marc@${DEMO_DOMAIN}` },
  { role: "MANAGER", firstName: "Nina", lastName: "Petit", email: `nina@${DEMO_DOMAIN}` },
] as const;

const FIRST = "Lena Hugo Chloe Louis Ines Jules Manon Adam Sarah Noah Emma Lucas Jade Tom Alice Leo".split(" ");
const LAST =
  "Martin Bernard Dubois Thomas Robert Richard Durand Lefebvre Mercier Blanc Garnier Faure Rousseau Fontaine Chevalier Girard Lambert Bonnet Francois Legrand".split(
    " ",
  );
const CITIES = [
  { city: "Lyon", postcode: "69003" },
  { city: "Lyon", postcode: "69007" },
  { city: "Villeurbanne", postcode: "69100" },
  { city: "Vénissieux", postcode: "69200" },
  { city: "Bron", postcode: "69500" },
];
const STREETS = [
  "rue de la République",
  "avenue Jean Jaurès",
  "cours Gambetta",
  "rue Garibaldi",
  "boulevard des Belges",
];
const SKILLS = [
  "demo.skills.nursing",
  "demo.skills.firstAid",
  "demo.skills.cooking",
  "demo.skills.driving",
  "demo.skills.nights",
  "demo.skills.reception",
];
const TAGS = [
  "demo.tags.senior",
  "demo.tags.newHire",
  "demo.tags.partTime",
  "demo.tags.bilingual",
  "demo.tags.student",
];
const THREAD_LINES = [
  ["demo.threads.swap.ask", "demo.threads.swap.answer", "demo.threads.swap.thanks"],
  ["demo.threads.late.ask", "demo.threads.late.answer"],
  ["demo.threads.payslip.ask", "demo.threads.payslip.answer"],
  ["demo.threads.dayOff.ask", "demo.threads.dayOff.answer"],
  ["demo.threads.keyBox.ask", "demo.threads.keyBox.answer"],
  [
    "demo.threads.parking.ask",
    "demo.threads.parking.answer",
    "demo.threads.parking.thanks",
    "demo.threads.parking.badge",
  ],
];
const ACTIVITIES = [
  { name: "demo.activities.morningCare", skill: "demo.skills.nursing", color: "sky" },
  { name: "demo.activities.eveningCare", skill: "demo.skills.nursing", color: "indigo" },
  { name: "demo.activities.kitchen", skill: "demo.skills.cooking", color: "amber" },
  { name: "demo.activities.reception", skill: "demo.skills.reception", color: "emerald" },
];

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(s: string) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export type SeedOptions = { passwordHash: string; now?: Date; locale?: Locale };

export async function seedDemo(
  db: PrismaClient,
  { passwordHash, now = new Date(), locale = DEFAULT_LOCALE }: SeedOptions,
) {
  const t = translatorFor(locale);
  const other = LOCALES.find((l) => l !== locale) ?? locale;
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  // Chat is a paid option; the demo has it on, so every screen can be tried.
  const org = await createOrganization(db, { name: "Northwind Care", slug: "northwind", chatEnabled: true });
  const organizationId = org.id;

  const staff = [];
  for (const s of DEMO_STAFF)
    staff.push(
      await createStaff(db, {
        ...s,
        organizationId,
        passwordHash,
        phone: null,
        locale: s.firstName === "Marc" ? other : locale,
      }),
    );

  const care = await createDepartment(db, organizationId, t("demo.departments.care"), [
    t("demo.groups.day"),
    t("demo.groups.night"),
  ]);
  const hospitality = await createDepartment(db, organizationId, t("demo.departments.hospitality"), [
    t("demo.groups.kitchen"),
    t("demo.groups.frontDesk"),
  ]);
  const departments = [care, hospitality];
  const skills = await Promise.all(
    SKILLS.map((key) => db.skill.create({ data: { organizationId, name: t(key) }, select: { id: true, name: true } })),
  );
  const tags = await Promise.all(
    TAGS.map((key) => db.tag.create({ data: { organizationId, name: t(key) }, select: { id: true } })),
  );

  const teammates: {
    id: string;
    name: string;
    threadId: string;
    departmentId: string;
    waitingList: boolean;
    locale: Locale;
  }[] = [];
  for (let i = 0; i < 66; i++) {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[(i * 7 + Math.floor(i / LAST.length)) % LAST.length]!;
    const dept = departments[i % 2]!;
    const waitingList = i >= 60; // 6 candidates on the waiting list
    const place = pick(CITIES);
    const speaks = i % 3 === 1 ? other : locale;
    const created = await createTeammate(db, {
      organizationId,
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}${i >= FIRST.length ? i : ""}@${DEMO_DOMAIN}`,
      passwordHash,
      locale: speaks,
      phone: i % 10 === 9 ? null : `+336${String(10000000 + i * 137911).slice(0, 8)}`,
      smsConsent: i % 7 !== 3,
      waitingList,
      departmentId: waitingList ? null : dept.id,
      groupIds: waitingList ? [] : [dept.groups[i % dept.groups.length]!.id],
      skillIds: [skills[i % skills.length]!.id, ...(rand() < 0.5 ? [pick(skills).id] : [])].filter(
        (v, k, a) => a.indexOf(v) === k,
      ),
      tagIds: rand() < 0.6 ? [pick(tags).id] : [],
      street: `${1 + Math.floor(rand() * 120)} ${pick(STREETS)}`,
      ...place,
    });
    teammates.push({
      id: created.id,
      name: `${created.firstName} ${created.lastName}`,
      threadId: created.threadId,
      departmentId: dept.id,
      waitingList,
      locale: speaks,
    });
  }

  const activities = await Promise.all(
    ACTIVITIES.map((a) =>
      db.activity.create({
        data: { organizationId, name: t(a.name), color: a.color, skillId: skills[SKILLS.indexOf(a.skill)]!.id },
        select: { id: true, name: true },
      }),
    ),
  );

  // Two weeks of shifts from Monday of this week, two per department per day.
  const monday = weekStart(now);
  const employed = teammates.filter((t) => !t.waitingList);
  for (let day = 0; day < 14; day++) {
    for (const [d, dept] of departments.entries()) {
      const pool = employed.filter((t) => t.departmentId === dept.id);
      for (const [k, hours] of [
        [6, 14],
        [14, 22],
      ].entries()) {
        const start = new Date(monday.getTime() + day * 86_400_000 + hours[0]! * 3_600_000);
        const end = new Date(monday.getTime() + day * 86_400_000 + hours[1]! * 3_600_000);
        const offset = (day * 5 + k * 3) % pool.length;
        await createShift(db, {
          organizationId,
          activityId: activities[d * 2 + k]!.id,
          departmentId: dept.id,
          startsAt: start,
          endsAt: end,
          place: t(d === 0 ? "demo.places.residence" : "demo.places.hotel"),
          // Every fifth shift wants a fourth person: the week grid shows it understaffed.
          needed: (day + d + k) % 5 === 2 ? 4 : 3,
          assignees: [pool[offset]!.id, pool[(offset + 1) % pool.length]!.id, pool[(offset + 2) % pool.length]!.id],
        });
      }
    }
  }

  // A dozen inbox threads with messages, some answered, some processed, each in its teammate's language.
  for (let i = 0; i < 12; i++) {
    const teammate = teammates[i * 5]!;
    const say = translatorFor(teammate.locale);
    const lines = THREAD_LINES[i % THREAD_LINES.length]!;
    const m = staff[1 + (i % 3)]!;
    const manager = { id: m.id, firstName: m.firstName, name: `${m.firstName} ${m.lastName}` };
    const start = now.getTime() - (12 - i) * 3_600_000 * 5;
    for (const [k, key] of lines.entries()) {
      const fromStaff = k % 2 === 1;
      const author = fromStaff
        ? { id: manager.id, name: manager.name, staff: true }
        : { id: teammate.id, name: teammate.name, staff: false };
      await addMessage(db, {
        organizationId,
        conversationId: teammate.threadId,
        author,
        body: say(key),
        createdAt: new Date(start + k * 600_000),
      });
    }
    if (i % 3 === 0) {
      const at = new Date(start + lines.length * 600_000);
      await setThreadProcessed(db, organizationId, teammate.threadId, manager, true, at);
    }
  }
  // Team chat: the care department's public conversation, some of whom opened it, and a private group.
  const maya = staff[1]!;
  const careTeam = employed.filter((x) => x.departmentId === care.id);
  const channel = await createChatConversation(db, {
    organizationId,
    kind: "CHANNEL",
    departmentId: care.id,
    name: t("demo.chat.careTeam"),
    createdById: maya.id,
    memberIds: careTeam.slice(0, 6).map((x) => x.id),
    createdAt: new Date(now.getTime() - 2 * 86_400_000),
  });
  const mayaAuthor = { id: maya.id, name: `${maya.firstName} ${maya.lastName}`, staff: true };
  const first = careTeam[0]!;
  await addMessage(db, {
    organizationId,
    conversationId: channel.id,
    author: mayaAuthor,
    body: t("demo.chat.welcome"),
    chat: "CHANNEL",
    createdAt: new Date(now.getTime() - 86_400_000),
  });
  await addMessage(db, {
    organizationId,
    conversationId: channel.id,
    author: { id: first.id, name: first.name, staff: false },
    body: t("demo.chat.thanks"),
    chat: "CHANNEL",
    createdAt: new Date(now.getTime() - 80_000_000),
  });
  const group = await createChatConversation(db, {
    organizationId,
    kind: "GROUP",
    departmentId: care.id,
    name: t("demo.chat.weekend"),
    createdById: careTeam[1]!.id,
    memberIds: careTeam.slice(1, 4).map((x) => x.id),
  });
  await addMessage(db, {
    organizationId,
    conversationId: group.id,
    author: { id: careTeam[1]!.id, name: careTeam[1]!.name, staff: false },
    body: t("demo.chat.swap"),
    chat: "GROUP",
  });
  return { organizationId, teammates: teammates.length, staff: staff.length };
}
