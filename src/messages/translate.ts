/** Translation outside a live update (publishing, the scheduler): a locale, a key and variables. */
export type Translate = (locale: string, key: string, variables?: Record<string, string | number>) => string;

/** Translation bound to one reader's locale, the shape message builders take. */
export type T = (key: string, variables?: Record<string, string | number>) => string;

export function bind(translate: Translate, locale: string): T {
  return (key, variables) => translate(locale, key, variables);
}
