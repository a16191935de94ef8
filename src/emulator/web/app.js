// The demo page: one pane per simulated person and per group, driven entirely by the
// emulator's test API. Bot texts are rendered from text + entities with DOM nodes
// (never innerHTML), so nothing a bot sends can inject markup into the page.

const API = "/__emulator/";
const ZONE = "Asia/Shanghai";
const POLL_MS = 500;

const panesEl = document.getElementById("panes");
const emptyEl = document.getElementById("empty");
const clockEl = document.getElementById("clock-now");
const toastEl = document.getElementById("toast");

/** Pane state by chat id: its DOM and the last messages rendered, to skip needless redraws. */
const panes = new Map();
let version = -1;
let snapshot = { users: [], chats: [], bots: [] };

async function api(method, path, body) {
  const response = await fetch(API + path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = await response.json();
  if (!response.ok) throw new Error(payload?.error ?? response.statusText);
  return payload;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

let toastTimer;
function toast(text) {
  toastEl.textContent = text;
  toastEl.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toastEl.hidden = true), 3500);
}

const timeFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
const dateFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" });
const weekdayFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, weekday: "short" });
const clockTimeFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false });
const clockText = (date) => `${dateFormat.format(date)} ${weekdayFormat.format(date)} ${clockTimeFormat.format(date)}`;
/** Beijing wall time as a datetime-local value (UTC+8, no daylight saving). */
const localInputValue = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

/** Telegram shows "first last"; Chinese names read naturally without the space. */
function userName(user) {
  const parts = [user.first_name, user.last_name].filter(Boolean);
  return parts.join(parts.every((p) => /^[\u3400-\u9fff]+$/.test(p)) ? "" : " ");
}

/** The element that renders one entity type around its content. */
function entityElement(entity) {
  switch (entity.type) {
    case "bold": return el("b");
    case "italic": return el("i");
    case "underline": return el("u");
    case "strikethrough": return el("s");
    case "code": return el("code");
    case "pre": return el("pre");
    case "blockquote":
    case "expandable_blockquote": return el("blockquote");
    case "spoiler": {
      const span = el("span", { className: "spoiler", title: "点击显示" });
      span.addEventListener("click", () => span.classList.add("shown"));
      return span;
    }
    case "text_link": {
      const safe = /^(https?:|tg:)/i.test(entity.url ?? "");
      return safe ? el("a", { href: entity.url, target: "_blank", rel: "noopener noreferrer" }) : el("span");
    }
    default: return null;
  }
}

/** Text with entities as DOM: splits at every entity boundary and nests the active entities. */
function formatted(text, entities = []) {
  const container = el("div", { className: "text" });
  const cuts = new Set([0, text.length]);
  for (const e of entities) cuts.add(e.offset).add(e.offset + e.length);
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    let node = document.createTextNode(text.slice(from, to));
    for (const entity of entities.filter((e) => e.offset <= from && e.offset + e.length >= to).reverse()) {
      const wrapper = entityElement(entity);
      if (!wrapper) continue;
      wrapper.append(node);
      node = wrapper;
    }
    container.append(node);
  }
  return container;
}

function serviceText(message) {
  if (message.group_chat_created) return `${userName(message.from)} 创建了群组`;
  if (message.new_chat_members) return `${userName(message.from)} 邀请了 ${message.new_chat_members.map(userName).join("、")}`;
  if (message.left_chat_member) return `${userName(message.left_chat_member)} 离开了群组`;
  if (message.migrate_to_chat_id) return `群组已升级为超级群组 (${message.migrate_to_chat_id})`;
  if (message.migrate_from_chat_id) return `由普通群组 ${message.migrate_from_chat_id} 升级而来`;
  return null;
}

async function pressButton(pane, message, button) {
  const userId = pane.speakerId();
  try {
    const { callbackQueryId } = await api("POST", `users/${userId}/callbacks`, { chatId: pane.chatId, messageId: message.message_id, data: button.callback_data });
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const state = await api("GET", `callbacks/${callbackQueryId}`);
      if (state.answered) {
        if (state.answer?.text) toast(state.answer.text);
        return;
      }
    }
    toast("机器人没有回应这个按钮");
  } catch (error) {
    toast(`按钮失败：${error.message}`);
  }
}

function keyboard(pane, message) {
  const rows = message.reply_markup?.inline_keyboard;
  if (!rows) return null;
  return el("div", { className: "keyboard" }, rows.map((row, r) =>
    el("div", { className: "keyboard-row" }, row.map((button, c) => {
      const testid = `button-${pane.chatId}-${message.message_id}-${r}-${c}`;
      if (button.url) return el("a", { href: button.url, target: "_blank", rel: "noopener noreferrer", "data-testid": testid }, button.text);
      return el("button", { type: "button", "data-testid": testid, "data-callback": button.callback_data, onclick: () => pressButton(pane, message, button) }, button.text);
    })),
  ));
}

function media(message) {
  const parts = [];
  if (message.photo) {
    const largest = message.photo[message.photo.length - 1];
    parts.push(el("img", { src: `${API}files/${encodeURIComponent(largest.file_id)}`, alt: "照片", loading: "lazy" }));
  }
  if (message.document) {
    const { file_id, file_name, file_size } = message.document;
    parts.push(el("a", { className: "file", href: `${API}files/${encodeURIComponent(file_id)}`, download: file_name ?? "file" }, `[文件] ${file_name ?? "文件"} (${Math.max(1, Math.round(file_size / 1024))} KB)`));
  }
  if (message.sticker) parts.push(el("div", { className: "text" }, `[贴纸 ${message.sticker.emoji ?? ""}]`));
  if (message.voice) parts.push(el("div", { className: "text" }, `[语音 ${message.voice.duration} 秒]`));
  return parts;
}

function messageNode(pane, message) {
  const service = serviceText(message);
  const testid = `msg-${pane.chatId}-${message.message_id}`;
  if (service) return el("div", { className: "service", "data-testid": testid }, service);
  const fromBot = message.from?.is_bot;
  const mine = !fromBot && (pane.isGroup ? message.from?.id === Number(pane.speaker?.value) : true);
  const body = message.deleted
    ? [el("div", { className: "text" }, "（消息已删除）")]
    : [
        message.reply_to_message ? el("div", { className: "reply" }, message.reply_to_message.text ?? message.reply_to_message.caption ?? "…") : null,
        ...media(message),
        message.text !== undefined ? formatted(message.text, message.entities) : null,
        message.caption !== undefined ? formatted(message.caption, message.caption_entities) : null,
        keyboard(pane, message),
      ];
  return el("div", { className: `msg${mine ? " mine" : ""}${message.deleted ? " deleted" : ""}`, "data-testid": testid, "data-from": fromBot ? "bot" : "user" },
    pane.isGroup && message.from ? el("div", { className: "sender" }, fromBot ? `${message.from.first_name}（机器人）` : userName(message.from)) : null,
    ...body,
    el("div", { className: "meta" }, `${message.edit_date ? "已编辑 · " : ""}${timeFormat.format(new Date(message.date * 1000))}`),
  );
}

async function sendFromPane(pane) {
  const text = pane.input.value;
  const userId = pane.speakerId();
  if (!text.trim()) return;
  const target = pane.isGroup ? { chatId: pane.chatId } : {};
  try {
    await api("POST", `users/${userId}/messages`, { text, ...target });
    pane.input.value = "";
    await refresh();
  } catch (error) {
    toast(`发送失败：${error.message}`);
  }
}

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function uploadFromPane(pane, file) {
  const kind = file.type.startsWith("image/") ? "photos" : "documents";
  const caption = pane.input.value.trim() || undefined;
  try {
    await api("POST", `users/${pane.speakerId()}/${kind}`, {
      fileName: file.name, mimeType: file.type || undefined, caption, base64: await readBase64(file), ...(pane.isGroup ? { chatId: pane.chatId } : {}),
    });
    pane.input.value = "";
    await refresh();
  } catch (error) {
    toast(`上传失败：${error.message}`);
  }
}

function createPane(chatId, isGroup) {
  const id = String(chatId);
  const pane = { chatId, isGroup, rendered: "" };
  pane.title = el("div", { className: "pane-title", "data-testid": `title-${id}` });
  pane.sub = el("div", { className: "pane-sub" });
  pane.list = el("div", { className: "messages", "data-testid": `messages-${id}` });
  pane.input = el("input", { type: "text", placeholder: isGroup ? "以所选成员身份发言…" : "输入消息，回车发送…", "data-testid": `input-${id}`, "aria-label": "消息" });
  pane.input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) sendFromPane(pane);
  });
  const fileInput = el("input", { type: "file", "data-testid": `file-${id}`, onchange: (event) => {
    const [file] = event.target.files;
    if (file) uploadFromPane(pane, file);
    event.target.value = "";
  } });
  pane.speaker = isGroup ? el("select", { "data-testid": `speaker-${id}`, "aria-label": "发言人", onchange: render }) : null;
  pane.speakerId = () => (isGroup ? Number(pane.speaker.value) : chatId);
  pane.root = el("section", { className: "pane", "data-testid": `pane-${id}` },
    el("div", { className: "pane-head" }, pane.title, pane.sub),
    pane.list,
    el("div", { className: "composer" },
      pane.speaker,
      pane.input,
      el("button", { type: "button", className: "attach", title: "上传文件或照片", "data-testid": `attach-${id}`, onclick: () => fileInput.click() }, "文件"),
      fileInput,
      el("button", { type: "button", className: "send", "data-testid": `send-${id}`, onclick: () => sendFromPane(pane) }, "发送"),
    ),
  );
  // Chats come first; the host's side panes stay after them.
  panesEl.insertBefore(pane.root, panesEl.querySelector(".pane.side"));
  panes.set(chatId, pane);
  return pane;
}

function updateHeader(pane, title, subtitle, badges) {
  pane.title.replaceChildren(title, ...badges.map(([text, kind]) => el("span", { className: `badge ${kind}` }, text)));
  pane.sub.textContent = subtitle;
}

function updateSpeakers(pane, chat) {
  const members = chat.members.filter((m) => ["creator", "administrator", "member"].includes(m.status));
  const signature = members.map((m) => m.userId).join(",");
  if (pane.speakerSignature === signature) return;
  pane.speakerSignature = signature;
  const previous = pane.speaker.value;
  const byId = new Map(snapshot.users.map((u) => [u.id, u]));
  pane.speaker.replaceChildren(...members.map((m) => {
    const person = byId.get(m.userId) ?? { first_name: String(m.userId) };
    return el("option", { value: m.userId, title: person.label }, userName(person));
  }));
  if (members.some((m) => String(m.userId) === previous)) pane.speaker.value = previous;
}

function updateMessages(pane, messages) {
  const signature = JSON.stringify(messages) + (pane.speaker?.value ?? "");
  if (signature === pane.rendered) return;
  pane.rendered = signature;
  const atBottom = pane.list.scrollHeight - pane.list.scrollTop - pane.list.clientHeight < 40;
  pane.list.replaceChildren(...messages.map((m) => messageNode(pane, m)));
  if (atBottom || !pane.scrolledOnce) pane.list.scrollTop = pane.list.scrollHeight;
  pane.scrolledOnce = true;
}

function render() {
  const chatsById = new Map(snapshot.chats.map((c) => [c.id, c]));
  const wanted = new Set();
  for (const user of snapshot.users) {
    const chat = chatsById.get(user.id);
    const pane = panes.get(user.id) ?? createPane(user.id, false);
    wanted.add(user.id);
    const badges = [];
    if (user.blocked) badges.push(["已屏蔽机器人", "warn"]);
    if (user.deactivated) badges.push(["账号已注销", "warn"]);
    updateHeader(pane, user.label ?? userName(user), `${userName(user)}${user.username ? ` · @${user.username}` : ""} · id ${user.id}`, badges);
    updateMessages(pane, chat?.messages ?? []);
  }
  for (const chat of snapshot.chats) {
    if (chat.type === "private" || chat.migratedTo !== undefined) continue;
    const pane = panes.get(chat.id) ?? createPane(chat.id, true);
    wanted.add(chat.id);
    const botStatus = chat.bots[0]?.status;
    const kind = { group: "群组", supergroup: "超级群组", channel: "频道" }[chat.type];
    updateHeader(pane, chat.title ?? String(chat.id), `${kind} · ${chat.members.length} 名成员 · id ${chat.id}`, [[kind, "group"], ...(botStatus === "kicked" || botStatus === "left" ? [["机器人已移出", "warn"]] : [])]);
    updateSpeakers(pane, chat);
    updateMessages(pane, chat.messages);
  }
  for (const [chatId, pane] of panes) {
    if (wanted.has(chatId)) continue;
    pane.root.remove();
    panes.delete(chatId);
  }
  emptyEl.hidden = panes.size > 0;
}

/**
 * The host's panes for other channels (the demo's WeCom group): read-only lists of what
 * each received, shown after the chats. Texts are set as text, never as markup.
 */
const sidePanes = new Map();

/** The markdown robots take (bold, links) as DOM nodes; anything else stays text. */
function markdownText(text) {
  const container = el("div", { className: "text" });
  const pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:[^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    container.append(text.slice(last, match.index));
    container.append(match[1] !== undefined ? el("b", {}, match[1]) : el("a", { href: match[3], target: "_blank", rel: "noopener noreferrer" }, match[2]));
    last = match.index + match[0].length;
  }
  container.append(text.slice(last));
  return container;
}

function sidePane(side) {
  const existing = sidePanes.get(side.id);
  if (existing) return existing;
  const pane = { rendered: "" };
  pane.title = el("div", { className: "pane-title", "data-testid": `side-title-${side.id}` });
  pane.sub = el("div", { className: "pane-sub" });
  pane.list = el("div", { className: "messages", "data-testid": `side-messages-${side.id}` });
  pane.root = el("section", { className: "pane side", "data-testid": `side-${side.id}` }, el("div", { className: "pane-head" }, pane.title, pane.sub), pane.list);
  panesEl.append(pane.root);
  sidePanes.set(side.id, pane);
  return pane;
}

function renderSidePanes(list) {
  for (const side of list) {
    const pane = sidePane(side);
    pane.title.replaceChildren(side.title, el("span", { className: "badge side" }, "外部渠道"));
    pane.sub.textContent = side.subtitle;
    const signature = JSON.stringify(side.messages);
    if (signature === pane.rendered) continue;
    pane.rendered = signature;
    pane.list.replaceChildren(...(side.messages.length === 0
      ? [el("div", { className: "service" }, "还没有收到消息")]
      : side.messages.map((m, i) => el("div", { className: "msg", "data-testid": `side-msg-${side.id}-${i}` },
          el("div", { className: "sender" }, "督办机器人"),
          markdownText(m.text),
          el("div", { className: "meta" }, timeFormat.format(new Date(m.at))),
        ))));
    pane.list.scrollTop = pane.list.scrollHeight;
  }
  emptyEl.hidden = panes.size + sidePanes.size > 0;
}

const clockInput = document.getElementById("clock-input");

function showClock(ms) {
  clockEl.textContent = clockText(new Date(ms));
  clockEl.dataset.ms = String(ms);
  // Prefilled once; afterwards only the page's own clock moves rewrite it, so a poll
  // never overwrites what the user is typing.
  if (!clockInput.value) clockInput.value = localInputValue(ms);
}

async function refresh() {
  const next = await api("GET", `snapshot?since=${version}`);
  // Polls and post-send refreshes overlap; an answer older than what is shown is dropped.
  if (next.version < version) return;
  showClock(next.ms);
  if (next.unchanged) return;
  version = next.version;
  snapshot = next;
  render();
}

async function poll() {
  try {
    await refresh();
    renderSidePanes(await api("GET", "side-panes"));
  } catch (error) {
    clockEl.textContent = `连接中断：${error.message}`;
  }
  setTimeout(poll, POLL_MS);
}

/** Moves the simulated clock; the host may run reminders meanwhile, so this can take a moment. */
async function moveClock(path, body) {
  try {
    const { ms } = await api("POST", path, body);
    showClock(ms);
    clockInput.value = localInputValue(ms);
    toast(`模拟时间：${clockText(new Date(ms))}`);
  } catch (error) {
    toast(`调整时间失败：${error.message}`);
  }
}

for (const button of document.querySelectorAll("[data-advance]")) {
  button.addEventListener("click", () => moveClock("clock/advance", { ms: Number(button.dataset.advance) }));
}

document.getElementById("clock-set-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = clockInput.value;
  // The input shows Beijing time (UTC+8, no daylight saving).
  if (value) moveClock("clock/set", { iso: `${value.length === 16 ? `${value}:00` : value}+08:00` });
});

poll();
