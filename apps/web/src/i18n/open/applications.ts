/**
 * Messages of the open data portal (applications), Chinese first. Spread into zh.ts and en.ts; the English
 * object is typed against the Chinese keys, so a key missing in either fails the type check.
 */
export const zhApplications = {} as const;

export const enApplications: Record<keyof typeof zhApplications, string> = {};
