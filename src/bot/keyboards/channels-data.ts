// Callback data of /channels (prefixes starting with chn, unused elsewhere). Buttons carry
// ids only; the guard resolves them against the database (B3).
import { callbackData } from "../callback-data.js";

/** A county's delivery channels (also the /admin county menu's entry). */
export const channelsListData = callbackData("chnl", ["region"]);
export const channelAddData = callbackData("chna", ["region", "kind"]);
export const channelViewData = callbackData("chnv", ["endpoint"]);
export const channelTestData = callbackData("chnt", ["endpoint"]);
export const channelRemoveData = callbackData("chnx", ["endpoint"]);
export const channelRemoveOkData = callbackData("chnxk", ["endpoint"]);
