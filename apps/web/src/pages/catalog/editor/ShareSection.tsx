import { SHARE_TYPES } from '@gongshu/domain';
import { Input, Radio, Typography } from 'antd';
import { useI18n } from '../../../i18n/useT';
import { termOptions } from '../shared/vocabulary';
import { CheckedItem } from './CheckedItem';
import type { EditorValues } from './editorForm';
import { MethodsCheckboxes } from './MethodsCheckboxes';
import type { ProblemIndex } from './problems';

/**
 * 共享属性 (R13.1): unconditional, conditional or none. Conditional sharing lists its application
 * conditions; conditional and none cite their legal basis; shared data names its methods.
 */
export function ShareSection({ problems, values }: { readonly problems: ProblemIndex; readonly values: EditorValues | undefined }) {
  const { t, pick } = useI18n();
  const type = values?.share?.type ?? 'unconditional';
  return (
    <>
      <CheckedItem name={['share', 'type']} label={t('catalog.share.type')} required problems={problems} problemKey="share.type">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={termOptions(pick, SHARE_TYPES)}
          aria-label={t('catalog.share.type')}
          data-testid="editor-share-type"
        />
      </CheckedItem>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t(`catalog.editor.share.${type}`)}
      </Typography.Paragraph>
      {type !== 'none' ? (
        <CheckedItem name={['share', 'methods']} label={t('catalog.share.methods')} required problems={problems} problemKey="share.methods">
          <MethodsCheckboxes />
        </CheckedItem>
      ) : null}
      {type === 'conditional' ? (
        <CheckedItem
          name={['share', 'conditions']}
          label={t('catalog.share.conditions')}
          extra={t('catalog.editor.shareConditionsHelp')}
          required
          problems={problems}
          problemKey="share.conditions"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="editor-share-conditions" />
        </CheckedItem>
      ) : null}
      {type !== 'unconditional' ? (
        <CheckedItem
          name={['share', 'legalBasis']}
          label={t('catalog.share.legalBasis')}
          extra={t('catalog.editor.legalBasisHelp')}
          required
          problems={problems}
          problemKey="share.legalBasis"
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount data-testid="editor-share-basis" />
        </CheckedItem>
      ) : null}
    </>
  );
}
