// Callback data of the directive lifecycle (review, publish, tasks), in one list so prefixes
// never collide; the task card's own buttons (tk, tc) live with the card in src/messages.
// Buttons carry ids only; the guard resolves them against the database (B3).
import { callbackData } from "../callback-data.js";

/** The county a report pasted by an admin of several counties belongs to. */
export const ingestCountyData = callbackData("ingc", ["region"]);

export const planPageData = callbackData("rvp", ["meeting", "page"]);
export const directiveData = callbackData("rvd", ["directive"]);
/** edit: drop | merge | evidence | nodate | clear (deadline) | text, date, newunit (asked for) */
export const directiveEditData = callbackData("rve", ["directive", "edit"]);
export const unitPickData = callbackData("rvu", ["directive", "page"]);
export const unitToggleData = callbackData("rvt", ["directive", "unit", "page"]);
export const roleToggleData = callbackData("rvr", ["directive", "unit"]);
/** The unknown unit name at `index` of the directive's unit plan; action: create | drop. */
export const unknownUnitData = callbackData("rvn", ["directive", "index", "action"]);
export const deadlineMenuData = callbackData("rvk", ["directive"]);
/** date: YYYYMMDD (a colon-free form of the local date). */
export const deadlinePickData = callbackData("rvkd", ["directive", "date"]);
export const recurrenceMenuData = callbackData("rvc", ["directive"]);
/** freq: none | daily | weekly | monthly | quarterly | yearly */
export const recurrencePickData = callbackData("rvcf", ["directive", "freq"]);
export const publishData = callbackData("rvx", ["meeting"]);
export const cancelDraftData = callbackData("rvz", ["meeting"]);

/** filter: all | overdue | week | meeting (then `meeting` is its id, else 0). */
export const taskListData = callbackData("tl", ["filter", "meeting", "page"]);
export const taskViewData = callbackData("tv", ["assignment"]);
export const notSignedData = callbackData("tns", ["assignment"]);
export const resendData = callbackData("tnr", ["assignment"]);
/** action: close | reopen (销号, or back to the unit). */
export const superviseData = callbackData("tsv", ["assignment", "action"]);
/** decision: yes | no */
export const extensionDecisionData = callbackData("txd", ["request", "decision"]);
