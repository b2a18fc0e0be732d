import type { PrismaClient } from "../db/generated/client";
import { weekStart } from "../schedule/time";
import { addMessage, setThreadProcessed, createDepartment, createOrganization, createShift, createStaff, createTeammate } from "./factories";

// The demo organisation: deterministic (a seeded random generator), with dates
// relative to the day it is seeded so the schedule is always current.

export const DEMO_PASSWORD = "shiftline-demo";
export const DEMO_DOMAIN = "northwind.test";
export const DEMO_STAFF = [
  { role: "ADMIN", firstName: "Ada", lastName: "Admin", email: `admin@${DEMO_DOMAIN}` },
  { role: "MANAGER", firstName: "Maya", lastName: "Moreau", email: `maya@${DEMO_DOMAIN}` },
  { role: "MANAGER", firstName: "Marc", lastName: "Leroy", email: `marc@${DEMO_DOMAIN}` },
  { role: "MANAGER", firstName: "Nina", lastName: "Petit", email: `nina@${DEMO_DOMAIN}` },
] as const;

const FIRST = ["Lena", "Hugo", "Chloe", "Louis", "Ines", "Jules", "Manon", "Adam", "Sarah", "Noah", "Emma", "Lucas", "Jade", "Tom", "Alice", "Leo"];
const LAST = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Durand",
  "Lefebvre",
  "Mercier",
  "Blanc",
  "Garnier",
  "Faure",
  "Rousseau",
  "Fontaine",
  "Chevalier",
  "Girard",
  "Lambert",
  "Bonnet",
  "Francois",
  "Legrand",
];
const CITIES = [
  { city: "Lyon", postcode: "69003" },
  { city: "Lyon", postcode: "69007" },
  { city: "Villeurbanne", postcode: "69100" },
  { city: "Vénissieux", postcode: "69200" },
  { city: "Bron", postcode: "69500" },
];
const STREETS = ["rue de la République", "avenue Jean Jaurès", "cours Gambetta", "rue Garibaldi", "boulevard des Belges"];
const SKILLS = ["Nursing", "First aid", "Cooking", "Driving licence", "Night shifts", "Reception"];
const TAGS = ["Senior", "New hire", "Part-time", "Bilingual", "Student"];
const THREAD_LINES = [
  ["Hello, could I swap my Saturday shift with Hugo?", "Hi! Yes if Hugo confirms, I'll update the schedule.", "He confirmed, thank you!"],
  ["I'll be 15 minutes late this morning, the tram is stuck.", "Thanks for telling us, see you soon."],
  ["Where do I find my payslip for last month?", "It is in your profile, under Documents. I'll send it to you by e-mail too."],
  ["Can I take a day off on the 24th?", "Please send the request with the date and reason, we'll check the rota."],
  ["The key box code at the residence changed?", "Yes: the new code is posted at reception. Ask the night team if you can't see it."],
  ["Is there parking for staff at the new site?", "Yes, behind the building, badge required.", "Great, thanks.", "Where do I get the badge?"],
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

export type SeedOptions = { passwordHash: string; now?: Date };

export async function seedDemo(db: PrismaClient, { passwordHash, now = new Date() }: SeedOptions) {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const org = await createOrganization(db, { name: "Northwind Care", slug: "northwind" });
  const organizationId = org.id;

  const staff = [];
  for (const s of DEMO_STAFF) staff.push(await createStaff(db, { ...s, organizationId, passwordHash, phone: null }));

  const care = await createDepartment(db, organizationId, "Residential care", ["Day team", "Night team"]);
  const hospitality = await createDepartment(db, organizationId, "Hospitality", ["Kitchen", "Front desk"]);
  const departments = [care, hospitality];
  const skills = await Promise.all(SKILLS.map((name) => db.skill.create({ data: { organizationId, name }, select: { id: true, name: true } })));
  const tags = await Promise.all(TAGS.map((name) => db.tag.create({ data: { organizationId, name }, select: { id: true } })));

  const teammates: { id: string; name: string; threadId: string; departmentId: string; waitingList: boolean }[] = [];
  for (let i = 0; i < 66; i++) {
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[(i * 7 + Math.floor(i / LAST.length)) % LAST.length]!;
    const dept = departments[i % 2]!;
    const waitingList = i >= 60; // 6 candidates on the waiting list
    const place = pick(CITIES);
    const t = await createTeammate(db, {
      organizationId,
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}${i >= FIRST.length ? i : ""}@${DEMO_DOMAIN}`,
      passwordHash,
      phone: i % 10 === 9 ? null : `+336${String(10000000 + i * 137911).slice(0, 8)}`,
      smsConsent: i % 7 !== 3,
      waitingList,
      departmentId: waitingList ? null : dept.id,
      groupIds: waitingList ? [] : [dept.groups[i % dept.groups.length]!.id],
      skillIds: [skills[i % skills.length]!.id, ...(rand() < 0.5 ? [pick(skills).id] : [])].filter((v, k, a) => a.indexOf(v) === k),
      tagIds: rand() < 0.6 ? [pick(tags).id] : [],
      street: `${1 + Math.floor(rand() * 120)} ${pick(STREETS)}`,
      ...place,
    });
    teammates.push({ id: t.id, name: `${t.firstName} ${t.lastName}`, threadId: t.threadId, departmentId: dept.id, waitingList });
  }

  const activities = await Promise.all(
    [
      { name: "Morning care", skill: "Nursing", color: "sky" },
      { name: "Evening care", skill: "Nursing", color: "indigo" },
      { name: "Kitchen service", skill: "Cooking", color: "amber" },
      { name: "Reception desk", skill: "Reception", color: "emerald" },
    ].map((a) =>
      db.activity.create({
        data: { organizationId, name: a.name, color: a.color, skillId: skills.find((s) => s.name === a.skill)!.id },
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
          place: d === 0 ? "Les Tilleuls residence" : "Northwind Hotel",
          assignees: [pool[offset]!.id, pool[(offset + 1) % pool.length]!.id, pool[(offset + 2) % pool.length]!.id],
        });
      }
    }
  }

  // A dozen inbox threads with messages, some answered, some processed.
  for (let i = 0; i < 12; i++) {
    const t = teammates[i * 5]!;
    const lines = THREAD_LINES[i % THREAD_LINES.length]!;
    const m = staff[1 + (i % 3)]!;
    const manager = { id: m.id, firstName: m.firstName, name: `${m.firstName} ${m.lastName}` };
    const start = now.getTime() - (12 - i) * 3_600_000 * 5;
    for (const [k, body] of lines.entries()) {
      const fromStaff = k % 2 === 1;
      const author = fromStaff ? { id: manager.id, name: manager.name, staff: true } : { id: t.id, name: t.name, staff: false };
      await addMessage(db, { organizationId, conversationId: t.threadId, author, body, createdAt: new Date(start + k * 600_000) });
    }
    if (i % 3 === 0) {
      const at = new Date(start + lines.length * 600_000);
      await setThreadProcessed(db, organizationId, t.threadId, manager, true, at);
    }
  }
  return { organizationId, teammates: teammates.length, staff: staff.length };
}
