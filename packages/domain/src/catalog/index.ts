export * from './vocabulary.js';
export * from './resource-metadata.js';
export * from './overlap.js';
export * from './diff.js';
export * from './search-text.js';
export * from './licences.js';
