export * from './deidentify.js';
