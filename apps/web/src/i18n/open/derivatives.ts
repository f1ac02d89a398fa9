/**
 * Messages of the open data portal (derivatives), Chinese first. Spread into zh.ts and en.ts; the English
 * object is typed against the Chinese keys, so a key missing in either fails the type check.
 */
export const zhDerivatives = {} as const;

export const enDerivatives: Record<keyof typeof zhDerivatives, string> = {};
