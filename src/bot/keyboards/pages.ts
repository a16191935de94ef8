import type { InlineKeyboard } from "grammy";

/** Eight items a page keeps a list readable on a phone and far below Telegram's 100 buttons (B7). */
export const PAGE_SIZE = 8;

export interface PageWindow {
  page: number;
  pages: number;
  skip: number;
  take: number;
}

/** The page to show of `total` items; a page number from an old button is clamped. */
export function pageWindow(requested: number, total: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(0, Number.isSafeInteger(requested) ? requested : 0), pages - 1);
  return { page, pages, skip: page * PAGE_SIZE, take: PAGE_SIZE };
}

/** Adds a ◀ n/m ▶ row when there is more than one page; `data` builds the button data of a page. */
export function addPager(keyboard: InlineKeyboard, window: PageWindow, data: (page: number) => string): InlineKeyboard {
  if (window.pages <= 1) return keyboard;
  keyboard.row();
  if (window.page > 0) keyboard.text("◀", data(window.page - 1));
  keyboard.text(`${window.page + 1}/${window.pages}`, data(window.page));
  if (window.page < window.pages - 1) keyboard.text("▶", data(window.page + 1));
  return keyboard.row();
}
