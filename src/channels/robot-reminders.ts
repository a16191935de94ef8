// Reminders for the group robots (WeCom, DingTalk): a group gets one copy per reminder
// step, not one per member. The planner plans for two stand-in recipients — the unit's
// robots among the assignees, the county-wide robots among the supervisors (escalations) —
// in the county's language; each stand-in row then becomes one copy per active robot (none
// when there are none). The copies keep the row's assignment and kind and extend its
// dedupe key, so re-planning never doubles them and stale deletion and cancelling treat
// them like the Telegram rows.
import type { Db } from "../db/client.js";
import type { NewOutboxRow } from "../scheduler/outbox.js";
import type { Recipient } from "../services/publish.js";
import { robotCopies, robotEndpoints } from "./targets.js";

const UNIT_ROBOTS = "robots:unit";
const COUNTY_ROBOTS = "robots:county";

/** The stand-ins to plan for, next to the people. */
export function robotStandIns(locale: string): { assignee: Recipient; supervisor: Recipient } {
  return { assignee: { personId: null, address: UNIT_ROBOTS, locale }, supervisor: { personId: null, address: COUNTY_ROBOTS, locale } };
}

/** The planned rows with each stand-in row replaced by its robots' copies. */
export async function withRobotCopies(db: Db, unit: { id: number; regionId: number }, rows: readonly NewOutboxRow[]): Promise<NewOutboxRow[]> {
  // Only the scopes planned for are looked up: most passes plan no escalation.
  const planned = (address: string): boolean => rows.some((row) => row.address === address);
  const [unitRobots, countyRobots] = await Promise.all([
    planned(UNIT_ROBOTS) ? robotEndpoints(db, { unitId: unit.id }) : [],
    planned(COUNTY_ROBOTS) ? robotEndpoints(db, { regionId: unit.regionId }) : [],
  ]);
  return rows.flatMap((row) => (row.address === UNIT_ROBOTS ? robotCopies(unitRobots, row) : row.address === COUNTY_ROBOTS ? robotCopies(countyRobots, row) : [row]));
}
