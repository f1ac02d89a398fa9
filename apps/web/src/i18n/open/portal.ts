/**
 * Messages of the open data portal (portal), Chinese first. Spread into zh.ts and en.ts; the English
 * object is typed against the Chinese keys, so a key missing in either fails the type check.
 */
export const zhPortal = {} as const;

export const enPortal: Record<keyof typeof zhPortal, string> = {};
