import { OPEN_NONE_GROUNDS, OPEN_TYPES } from '@gongshu/domain';
import { Alert, Input, Radio, Space, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { CheckedItem } from './CheckedItem';
import type { EditorValues } from './editorForm';
import type { ProblemIndex } from './problems';

/**
 * 开放属性 (R18.1, R18.2, R19.2): level 4 data is never opened, level 3 at most conditionally;
 * conditional opening publishes its conditions; not opening cites one of the five grounds of
 * Article 18 and its legal basis.
 */
export function OpenSection({ problems, values }: { readonly problems: ProblemIndex; readonly values: EditorValues | undefined }) {
  const { t, pick } = useI18n();
  const type = values?.open?.type ?? 'unconditional';
  const level = values?.securityLevel ?? 1;
  const options = OPEN_TYPES.map((term) => ({
    value: term.code,
    label: pick(term),
    disabled: (level === 4 && term.code !== 'none') || (level === 3 && term.code === 'unconditional'),
  }));
  return (
    <>
      {level >= 3 ? (
        <Alert
          type={level === 4 ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t(level === 4 ? 'catalog.editor.level4' : 'catalog.editor.level3')}
          data-testid="open-level-note"
        />
      ) : null}
      <CheckedItem
        name={['open', 'type']}
        label={t('catalog.open.type')}
        extra={t('catalog.editor.openNotAboveShare')}
        required
        problems={problems}
        problemKey="open.type"
      >
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={options}
          aria-label={t('catalog.open.type')}
          data-testid="editor-open-type"
        />
      </CheckedItem>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t(`catalog.editor.open.${type}`)}
      </Typography.Paragraph>
      {type === 'conditional' ? (
        <CheckedItem
          name={['open', 'conditions']}
          label={t('catalog.open.conditions')}
          extra={t('catalog.editor.openConditionsHelp')}
          required
          problems={problems}
          problemKey="open.conditions"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount />
        </CheckedItem>
      ) : null}
      {type === 'none' ? (
        <CheckedItem
          name={['open', 'noneGround']}
          label={t('catalog.open.noneGround')}
          required
          problems={problems}
          problemKey="open.noneGround"
        >
          <Radio.Group aria-label={t('catalog.open.noneGround')} data-testid="editor-open-ground">
            <Space orientation="vertical">
              {OPEN_NONE_GROUNDS.map((ground, index) => (
                <Radio key={ground.code} value={ground.code}>
                  {t('catalog.editor.groundItem', { index: index + 1, ground: pick(ground) })}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </CheckedItem>
      ) : null}
      {type !== 'unconditional' ? (
        <CheckedItem
          name={['open', 'legalBasis']}
          label={t('catalog.open.legalBasis')}
          extra={t('catalog.editor.legalBasisHelp')}
          required={type === 'none'}
          problems={problems}
          problemKey="open.legalBasis"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
        </CheckedItem>
      ) : null}
    </>
  );
}
