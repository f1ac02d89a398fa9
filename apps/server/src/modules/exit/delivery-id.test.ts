/** Delivery ids (ADR 0007): UUIDv7, time-ordered, unique. */
import { describe, expect, it } from 'vitest';
import { deliveryId } from './delivery-id.js';

describe('delivery ids', () => {
  it('are UUIDv7: the millisecond timestamp first, version 7, RFC variant, random rest', () => {
    const now = Date.UTC(2026, 10, 27, 6, 30);
    const id = deliveryId(now);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(now);
  });

  it('sort by time and never repeat', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => deliveryId(1_795_000_000_000 + Math.floor(i / 10)));
    expect(new Set(ids).size).toBe(ids.length);
    const times = ids.map((id) => id.slice(0, 13));
    expect([...times].sort()).toEqual(times);
  });
});
