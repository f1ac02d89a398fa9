export * from './masking.js';
export * from './grading.js';
