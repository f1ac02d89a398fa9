/**
 * @gongshu/domain: the rules of the regulation as pure functions, shared by server, web and CLI.
 * No I/O here.
 */
export * from './errors.js';
export * from './calendar/index.js';
export * from './identifiers/index.js';
export * from './identity/index.js';
export * from './policies/index.js';
export * from './rules/index.js';
export * from './deadlines/index.js';
export * from './catalog/index.js';
export * from './aggregation/index.js';
export * from './masking/index.js';
export * from './sharing/index.js';
export * from './opening/index.js';
export * from './providers/index.js';
