export * from './system.js';
export * from './auth.js';
export * from './agencies.js';
export * from './users.js';
export * from './audit.js';
