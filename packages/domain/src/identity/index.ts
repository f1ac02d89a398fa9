export * from './roles.js';
export * from './actor.js';
export * from './agency-rules.js';
