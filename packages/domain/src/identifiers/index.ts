export type { IdentifierCheck } from './identifier-check.js';
export { validateCitizenId, makeCitizenId, citizenIdCheckChar } from './citizen-id.js';
export { validateCreditCode, makeCreditCode, creditCodeCheckChar } from './credit-code.js';
