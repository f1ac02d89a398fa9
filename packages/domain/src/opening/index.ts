export * from './deidentify.js';
export * from './open-application.js';
