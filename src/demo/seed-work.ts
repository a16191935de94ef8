// What the demo holds before anyone types: the finance bureau's WeCom group (企业微信群),
// registered as an admin would with /channels, and one task already handed to the bureau
// (交办) with its reminders planned, so moving the clock on the page shows a reminder in the
// officials' chats and the group's copy in the WeCom pane.
import { createEndpoint } from "../channels/endpoints.js";
import type { Clock } from "../clock.js";
import type { Database } from "../db/client.js";
import type { Translate } from "../messages/translate.js";
import { planAssignmentReminders } from "../scheduler/reminder-planner.js";
import { loadWorkingCalendar } from "../services/holiday-calendar.js";
import type { PiiKeys } from "../services/pii-crypto.js";
import { contentHash } from "../services/meetings.js";
import { publishMeeting } from "../services/publish.js";
import { endOfLocalDay, localDateOf } from "../time.js";
import { nextWorkingDay } from "../working-calendar.js";
import type { SeededCounty } from "./seed.js";

/** The local WeCom fake's robot key and group of the demo. */
export const DEMO_WECOM_KEY = "demo-wecom-key-0001";
export const DEMO_WECOM_GROUP = "县财政局企业微信群";
const UNIT = "县财政局";
const TASK = "县财政局牵头做好春耕备耕资金保障，按期报送资金拨付进度。";
/** The task is due on this working day from the start, so "+1 天" reaches its reminders in a few presses. */
const DUE_IN_WORKING_DAYS = 3;

export interface DemoWorkDeps {
  database: Database;
  clock: Clock;
  keys: PiiKeys;
  translate: Translate;
  defaultLocale: string;
}

export async function seedDemoWork(deps: DemoWorkDeps, county: SeededCounty): Promise<void> {
  const { database, clock } = deps;
  const { db } = database;
  const unitId = county.unitIds.get(UNIT);
  if (unitId === undefined) throw new Error(`demo seed: no unit ${UNIT}`);
  await createEndpoint(db, clock, deps.keys, { regionId: county.regionId, unitId, name: DEMO_WECOM_GROUP, config: { kind: "wecom", key: DEMO_WECOM_KEY }, actorId: county.adminId });

  const region = await db.region.findUniqueOrThrow({ where: { id: county.regionId } });
  const calendar = await loadWorkingCalendar(db, region.workingCalendar);
  let due = localDateOf(clock.now(), region.timeZone);
  for (let i = 0; i < DUE_IN_WORKING_DAYS; i++) due = nextWorkingDay(calendar, due);
  const meeting = await db.meeting.create({
    data: {
      regionId: county.regionId, title: "县政府常务会议", sourceText: TASK, cleanedText: TASK,
      contentHash: contentHash(TASK), metadata: {}, meetingDate: clock.now(), ingestedById: county.adminId,
    },
  });
  await db.directive.create({
    data: { meetingId: meeting.id, position: 1, text: TASK, deadline: endOfLocalDay(due, region.timeZone), unitPlan: [{ name: UNIT, unitId, role: "lead" }] },
  });
  const published = await publishMeeting(database, clock, { meetingId: meeting.id, actorId: county.adminId, translate: deps.translate, defaultLocale: deps.defaultLocale });
  if (!published.ok) throw new Error(`demo seed: the task could not be published (${published.reason})`);
  const planner = { store: database, clock, translate: deps.translate, defaultLocale: deps.defaultLocale };
  for (const a of await db.assignment.findMany({ where: { directive: { meetingId: meeting.id } }, select: { id: true } })) await planAssignmentReminders(planner, a.id);
}
