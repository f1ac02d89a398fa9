export * from './share-request.js';
