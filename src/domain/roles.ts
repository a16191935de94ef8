/** What a person can be in a county. Names follow docs/glossary.md. */
export const ROLES = ["admin", "official", "unit_head", "cadre", "household"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that need a unit: everybody but a county admin works inside a unit. */
export function roleNeedsUnit(role: Role): boolean {
  return role !== "admin";
}
