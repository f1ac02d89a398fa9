export * from './rule-set.js';
