export * from './deadline-state.js';
