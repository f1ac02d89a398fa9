import type { AccessAlert } from '@gongshu/contracts';

export const STATE_COLOR: Record<AccessAlert['state'], string> = { open: 'error', acknowledged: 'warning', closed: 'default' };
export const KIND_COLOR: Record<AccessAlert['kind'], string> = { spike: 'volcano', first_heavy: 'purple', off_hours: 'geekblue' };
export const ALERT_STATES = ['open', 'acknowledged', 'closed'] as const;
export const ALERT_KINDS = ['spike', 'first_heavy', 'off_hours'] as const;
