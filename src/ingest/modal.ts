// Whether a piece of text asks someone to do something (要/必须/务必/…), as opposed
// to narrating: 要 inside 要求, 重要, 主要, 需要, 要我 … is not a modal.

/** 要 as "must", as a regular-expression source. */
export const YAO = "(?<![只重主需必首次紧纲摘提概扼简险政显我])要(?![求点素害闻件务领我职员地塞是])";

const MODAL = new RegExp(`${YAO}|必须|务必|应当|确保|严禁|不得|切实`);

export const hasModal = (text: string): boolean => MODAL.test(text);

/** "X强调," or "7月2日,…会议,县长X强调," before the first requirement of a paragraph. */
export const SPEAKER_INTRO = /^[^。]{0,60}?(?:指出|强调|要求|认为|提出)[,:]/;

const OPENS_WITH_YAO = new RegExp(`^(?:${SPEAKER_INTRO.source.slice(1)})?\\s*${YAO}`);

/** A sentence opening with 要 (after an optional `X强调,` intro) — the unnumbered parallel style. */
export const opensWithYao = (sentence: string): boolean => OPENS_WITH_YAO.test(sentence);
