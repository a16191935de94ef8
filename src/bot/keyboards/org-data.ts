// Callback data of the organisation features, all in one list so prefixes never collide.
// Buttons carry ids only; the guard resolves them against the database (B3).
import { callbackData } from "../callback-data.js";

export const menuData = callbackData("adm", []);
export const countyMenuData = callbackData("cty", ["region"]);
export const unitMenuData = callbackData("ulm", ["unit"]);
export const becomeAdminData = callbackData("cown", ["region"]);

export const settingsData = callbackData("set", ["region"]);
/** field: name | tz | quiet */
export const settingsAskData = callbackData("setp", ["region", "field"]);
export const workingCalendarData = callbackData("setw", ["region"]);

export const unitListData = callbackData("unl", ["region", "page"]);
export const unitViewData = callbackData("unv", ["unit"]);
export const unitAddData = callbackData("unn", ["region"]);
/** action: rename | alias | parent | merge */
export const unitAskData = callbackData("una", ["unit", "action"]);
export const unitHeadListData = callbackData("unh", ["unit", "page"]);
export const unitHeadSetData = callbackData("unhs", ["membership"]);
export const mergeData = callbackData("mrg", ["source", "target"]);
export const starterData = callbackData("str", ["region"]);
export const starterLoadData = callbackData("strok", ["region"]);
export const importData = callbackData("imp", ["region"]);

export const inviteListData = callbackData("inl", ["region", "page"]);
export const unitInviteListData = callbackData("inlu", ["unit", "page"]);
export const inviteNewData = callbackData("inn", ["region"]);
export const unitInviteNewData = callbackData("innu", ["unit"]);
export const inviteRoleData = callbackData("inr", ["region", "role", "page"]);
/** unit 0: a county-level invite (admins). */
export const inviteUsesData = callbackData("inq", ["region", "unit", "role"]);
export const inviteCreateData = callbackData("ink", ["region", "unit", "role", "uses", "days"]);
export const inviteRevokeData = callbackData("inx", ["invite"]);

export const peopleData = callbackData("ppl", ["region", "page"]);
export const adminsListData = callbackData("mema", ["region", "page"]);
export const unitMembersData = callbackData("memu", ["unit", "page"]);
export const membershipData = callbackData("mbr", ["membership"]);
export const roleChangeData = callbackData("mro", ["membership", "role"]);
export const removeAskData = callbackData("mrm", ["membership"]);
export const removeData = callbackData("mrmok", ["membership"]);

export const subscribeData = callbackData("sbc", ["region"]);
/** kind: notices | reminders | digests */
export const subscriptionKindData = callbackData("sbk", ["sub", "kind"]);
export const subscriptionUnitsData = callbackData("sbu", ["sub", "page"]);
export const subscriptionUnitData = callbackData("sbx", ["sub", "unit", "page"]);
export const subscriptionViewData = callbackData("sbv", ["sub"]);
export const unsubscribeData = callbackData("sbd", ["sub"]);

/** The installation's holiday calendar (not one county's): overview, one loaded year, load (year 0: any). */
export const holidaysData = callbackData("hol", []);
export const holidaysYearData = callbackData("holy", ["year"]);
export const holidaysLoadData = callbackData("holl", ["year"]);
