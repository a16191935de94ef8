// Telegram-shaped records the emulator stores and returns. Field names follow the
// Bot API (snake_case) so results can be sent to clients as they are.

export interface TgUser {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export type ChatType = "private" | "group" | "supergroup" | "channel";

export interface TgChat {
  id: number;
  type: ChatType;
  title?: string;
  username?: string;
  first_name?: string;
  last_name?: string;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

export interface InlineKeyboardButton {
  text: string;
  callback_data?: string;
  url?: string;
  [other: string]: unknown;
}

export interface InlineKeyboardMarkup {
  inline_keyboard: InlineKeyboardButton[][];
}

export interface KeyboardButton {
  text: string;
  request_contact?: boolean;
  request_location?: boolean;
}

export interface ReplyKeyboardMarkup {
  keyboard: KeyboardButton[][];
  is_persistent?: boolean;
  resize_keyboard?: boolean;
  one_time_keyboard?: boolean;
  input_field_placeholder?: string;
  selective?: boolean;
}

export interface ReplyKeyboardRemove {
  remove_keyboard: true;
  selective?: boolean;
}

export interface ForceReply {
  force_reply: true;
  input_field_placeholder?: string;
  selective?: boolean;
}

/** reply_markup as stored; only inline keyboards are validated. `"inline_keyboard" in m` narrows it. */
export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size: number;
}

export interface TgDocument {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size: number;
}

export interface TgSticker {
  file_id: string;
  file_unique_id: string;
  type: "regular";
  width: number;
  height: number;
  is_animated: boolean;
  is_video: boolean;
  emoji?: string;
}

export interface TgVoice {
  file_id: string;
  file_unique_id: string;
  duration: number;
  mime_type?: string;
  file_size: number;
}

export interface TgMessage {
  message_id: number;
  date: number;
  chat: TgChat;
  from?: TgUser;
  sender_chat?: TgChat;
  edit_date?: number;
  text?: string;
  entities?: MessageEntity[];
  caption?: string;
  caption_entities?: MessageEntity[];
  document?: TgDocument;
  photo?: PhotoSize[];
  sticker?: TgSticker;
  voice?: TgVoice;
  reply_markup?: ReplyMarkup;
  reply_to_message?: TgMessage;
  new_chat_members?: TgUser[];
  left_chat_member?: TgUser;
  group_chat_created?: true;
  migrate_to_chat_id?: number;
  migrate_from_chat_id?: number;
}

export type MemberStatus = "creator" | "administrator" | "member" | "left" | "kicked";

export interface TgChatMember {
  status: MemberStatus;
  user: TgUser;
  until_date?: number;
}

export interface TgChatMemberUpdated {
  chat: TgChat;
  from: TgUser;
  date: number;
  old_chat_member: TgChatMember;
  new_chat_member: TgChatMember;
}

export interface TgCallbackQuery {
  id: string;
  from: TgUser;
  message?: TgMessage;
  chat_instance: string;
  data?: string;
}

export type UpdateKind =
  | "message"
  | "edited_message"
  | "channel_post"
  | "edited_channel_post"
  | "callback_query"
  | "my_chat_member"
  | "chat_member";

export type UpdatePayload =
  | { message: TgMessage }
  | { edited_message: TgMessage }
  | { channel_post: TgMessage }
  | { edited_channel_post: TgMessage }
  | { callback_query: TgCallbackQuery }
  | { my_chat_member: TgChatMemberUpdated }
  | { chat_member: TgChatMemberUpdated };

export type TgUpdate = { update_id: number } & UpdatePayload;

/** The kind of an update payload: its one key besides update_id. */
export function updateKind(payload: UpdatePayload): UpdateKind {
  return Object.keys(payload)[0] as UpdateKind;
}
