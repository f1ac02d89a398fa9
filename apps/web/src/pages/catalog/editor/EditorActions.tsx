import { Alert, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useAuth } from '../../../auth/useAuth';
import { useT } from '../../../i18n/useT';

export interface EditorActionsProps {
  readonly isNew: boolean;
  readonly dirty: boolean;
  /** Data involving state secrets is never saved (R2.2). */
  readonly blocked: boolean;
  readonly problemCount: number;
  readonly saving: boolean;
  readonly submitting: boolean;
  readonly withdrawing: boolean;
  readonly onSave: () => void;
  readonly onSubmit: () => void;
  readonly onWithdraw: () => void;
}

/**
 * 保存草稿, 提交审核 and 撤回. Only the agency's data steward submits (R8.1): staff see why they
 * cannot, and the agency without a steward is told it cannot submit at all.
 */
export function EditorActions(props: EditorActionsProps) {
  const t = useT();
  const { me, can } = useAuth();
  const canSubmit = can('agency.submit');
  const noSteward = me?.user.agency?.hasSteward === false;
  return (
    <Card
      size="small"
      data-testid="editor-actions"
      title={<h2 className="gs-card-title">{t('catalog.editor.actions')}</h2>}
      extra={
        props.dirty ? (
          <Typography.Text type="warning" data-testid="unsaved">
            {t('catalog.editor.unsaved')}
          </Typography.Text>
        ) : null
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Button block onClick={props.onSave} loading={props.saving} disabled={props.blocked} data-testid="editor-save">
          {t('catalog.editor.save')}
        </Button>
        <Button
          block
          type="primary"
          onClick={props.onSubmit}
          loading={props.submitting}
          disabled={props.blocked || !canSubmit}
          data-testid="editor-submit"
        >
          {t('catalog.editor.submit')}
        </Button>
        {!canSubmit ? (
          <Alert type="info" showIcon title={t(noSteward ? 'agency.noSteward' : 'catalog.editor.stewardOnly')} data-testid="submit-note" />
        ) : props.problemCount > 0 ? (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('catalog.editor.fixFirst', { count: props.problemCount })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('catalog.editor.submitHelp')}
          </Typography.Text>
        )}
        {!props.isNew ? (
          <Popconfirm
            title={t('catalog.editor.withdrawConfirm')}
            okText={t('catalog.editor.withdraw')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={props.onWithdraw}
          >
            <Button block danger loading={props.withdrawing} data-testid="editor-withdraw">
              {t('catalog.editor.withdraw')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Card>
  );
}
