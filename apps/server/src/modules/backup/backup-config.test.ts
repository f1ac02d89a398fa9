/** The backup variables of the configuration (R29.1; docs/operations.md). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';

describe('backup configuration', () => {
  it('is off outside production, in the data folder, keeping 7', () => {
    expect(loadConfig({ NODE_ENV: 'development', GONGSHU_DATA_DIR: '/srv/gongshu' }, '/').backup).toEqual({
      dir: path.join('/srv/gongshu', 'backups'),
      intervalHours: 0,
      keep: 7,
    });
  });

  it('reads the folder, interval and number kept, and names a bad value', () => {
    const config = loadConfig(
      { NODE_ENV: 'test', GONGSHU_BACKUP_DIR: 'backups', GONGSHU_BACKUP_INTERVAL_HOURS: '6', GONGSHU_BACKUP_KEEP: '30' },
      '/var/lib',
    );
    expect(config.backup).toEqual({ dir: '/var/lib/backups', intervalHours: 6, keep: 30 });
    expect(() => loadConfig({ NODE_ENV: 'test', GONGSHU_BACKUP_KEEP: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', GONGSHU_BACKUP_INTERVAL_HOURS: 'daily' })).toThrow(/GONGSHU_BACKUP_INTERVAL_HOURS/);
  });
});
