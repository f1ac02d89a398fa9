/**
 * Messages of the open data portal (participation), Chinese first. Spread into zh.ts and en.ts; the English
 * object is typed against the Chinese keys, so a key missing in either fails the type check.
 */
export const zhParticipation = {} as const;

export const enParticipation: Record<keyof typeof zhParticipation, string> = {};
