export * from './row-checker.js';
