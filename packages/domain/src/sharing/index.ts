export * from './share-request.js';
export * from './grant-access.js';
