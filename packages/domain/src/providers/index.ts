export type { ProviderAgreement, ProviderCommitments, ProviderRegistration, ProviderState, ProviderStatus } from './service-provider.js';
export { checkProviderRegistration, daysToExpiry, PROVIDER_STATES, providerAgreementInForce, providerStatus } from './service-provider.js';
