// Callback data of the household features (prefixes starting with h, unused elsewhere).
// Buttons carry ids only; the guard resolves them against the database (B3).
import { callbackData } from "../callback-data.js";

/** A county's household menu (supervisors). */
export const householdMenuData = callbackData("hhm", ["region"]);
export const coverageData = callbackData("hcv", ["region"]);
export const uncontactedData = callbackData("hnc", ["region", "page"]);
export const exportData = callbackData("hex", ["region"]);
export const templateData = callbackData("htp", ["region"]);
/** Switches the county's phone reveal setting between off and helper. */
export const revealSettingData = callbackData("hrt", ["region"]);
export const importAskData = callbackData("him", ["region"]);
/** After a rejected all-or-nothing import: write the valid rows of the same file. */
export const importValidData = callbackData("hiv", ["region"]);
export const noticeAskData = callbackData("hna", ["region"]);
/** Publish the notice typed before without a leaflet file. */
export const sendNowData = callbackData("hns", ["region"]);

/** A cadre's own households, a page at a time. */
export const myHouseholdsData = callbackData("hmy", ["region", "page"]);
export const householdViewData = callbackData("hvw", ["household"]);
export const revealData = callbackData("hrv", ["household"]);
export const householdInviteData = callbackData("hin", ["household"]);
/** Deactivating a household (it left the register): asked, then confirmed. */
export const deactivateData = callbackData("hdx", ["household"]);
export const deactivateConfirmData = callbackData("hdxk", ["household"]);

/** purpose: contact | leaflet. The households with that duty open, to pick one. */
export const pickData = callbackData("hpk", ["region", "purpose", "page"]);
export const channelAskData = callbackData("hch", ["household", "purpose"]);
export const channelData = callbackData("hcc", ["household", "purpose", "channel"]);
/** Save the contact without a note or photo. */
export const saveContactData = callbackData("hcs", ["household", "purpose", "channel"]);

/** A household asks for the leaflet file of a notice. */
export const leafletData = callbackData("hlf", ["notice"]);
