export * from './share-request.js';
export * from './grant-access.js';
export * from './correlation.js';
