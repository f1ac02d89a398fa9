import { Radio, Typography } from 'antd';
import type { LoadMode } from '../../../api/data';
import { useT } from '../../../i18n/useT';

const MODES: readonly LoadMode[] = ['replace', 'append', 'upsert'];

export interface ModeChoiceProps {
  readonly value?: LoadMode;
  readonly onChange?: (mode: LoadMode) => void;
  /** The identifier field's name; without one, upsert is not offered. */
  readonly identifier: string | null;
  readonly disabled?: boolean;
  /** The group's accessible name. */
  readonly label: string;
}

/** 全量替换, 追加 or 按标识更新, each with what it does to the data already there. */
export function ModeChoice({ value, onChange, identifier, disabled, label }: ModeChoiceProps) {
  const t = useT();
  return (
    <Radio.Group
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(event) => onChange?.(event.target.value as LoadMode)}
      style={{ display: 'flex', flexDirection: 'column', gap: 10 }}
      data-testid="upload-mode"
    >
      {MODES.map((mode) => {
        const unavailable = mode === 'upsert' && identifier === null;
        return (
          <Radio key={mode} value={mode} disabled={unavailable} data-testid={`upload-mode-${mode}`}>
            <Typography.Text strong={value === mode}>{t(`data.mode.${mode}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
              {unavailable ? t('data.mode.upsertUnavailable') : t(`data.mode.${mode}Help`, { identifier: identifier ?? '' })}
            </Typography.Text>
          </Radio>
        );
      })}
    </Radio.Group>
  );
}
