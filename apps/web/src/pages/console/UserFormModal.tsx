/**
 * Create an agency account, or edit one's name, agency and roles. Giving the role "steward" is
 * how an agency's data steward is named (R8.1); roles are checked against the agency with the
 * domain's rule before sending.
 */
import type { Agency, User } from '@gongshu/contracts';
import { ROLE_LABELS, type Role } from '@gongshu/domain';
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { errorText, formFieldOf } from '../../api/errors';
import { useCreateUser, useUpdateUser } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/useT';
import { isStrongPassword } from '../shared/password';
import { ASSIGNABLE_ROLES, roleRefusal, USER_FORM_FIELDS, USERNAME_PATTERN } from './userForm';

interface UserFormValues {
  username: string;
  displayName: string;
  agencyId: string;
  roles: Role[];
  password?: string;
  confirm?: string;
}

export interface UserFormModalProps {
  readonly open: boolean;
  /** The account to edit; null to create one. */
  readonly editing: User | null;
  /** Preselected agency when creating (e.g. from "name a steward"). */
  readonly defaultAgencyId?: string | null;
  readonly agencies: readonly Agency[];
  readonly onClose: () => void;
}

export function UserFormModal({ open, editing, defaultAgencyId, agencies, onClose }: UserFormModalProps) {
  const { t, pick, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [generalError, setGeneralError] = useState<unknown>(null);
  const agencyId = Form.useWatch('agencyId', form);

  useEffect(() => {
    if (!open) return;
    setGeneralError(null);
    form.resetFields();
    form.setFieldsValue(
      editing
        ? {
            username: editing.username,
            displayName: editing.displayName,
            agencyId: editing.agencyId ?? undefined,
            roles: [...editing.roles],
          }
        : { agencyId: defaultAgencyId ?? undefined, roles: defaultAgencyId ? ['steward'] : ['agency_staff'] },
    );
  }, [open, editing, defaultAgencyId, form]);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setGeneralError(null);
    try {
      const saved = editing
        ? await update.mutateAsync({
            id: editing.id,
            body: { displayName: values.displayName.trim(), agencyId: values.agencyId, roles: values.roles },
          })
        : await create.mutateAsync({
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            agencyId: values.agencyId,
            roles: values.roles,
            password: values.password ?? '',
          });
      void message.success(t(editing ? 'users.saved' : 'users.created', { name: saved.displayName }));
      onClose();
    } catch (error) {
      const text = errorText(error, lang);
      const field = formFieldOf(text.field, USER_FORM_FIELDS);
      if (field) {
        const suffix = text.requirement ? `（${text.requirement}）` : '';
        form.setFields([{ name: [...field] as never, errors: [text.message + suffix] }]);
      } else {
        setGeneralError(error);
      }
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const agency = agencies.find((candidate) => candidate.id === agencyId);

  return (
    <Modal
      open={open}
      width={640}
      title={editing ? t('users.editTitle', { name: editing.displayName }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      forceRender
    >
      {generalError ? <ErrorAlert error={generalError} /> : null}
      <Form<UserFormValues> form={form} layout="vertical" data-testid="user-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              rules={editing ? [] : [required(t('users.username')), { pattern: USERNAME_PATTERN, message: t('users.v.username') }]}
            >
              <Input disabled={Boolean(editing)} autoComplete="off" maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="displayName" label={t('users.displayName')} rules={[required(t('users.displayName')), { max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="agencyId"
              label={t('users.agency')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('users.agency') }) }]}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={agencies.map((item) => ({ value: item.id, label: item.name }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="roles"
              label={t('users.roles')}
              extra={t('users.stewardHelp')}
              dependencies={['agencyId']}
              rules={[
                {
                  // A validator, not `required`: antd would put aria-required on the checkbox
                  // group's <div>, where ARIA does not allow it.
                  validator: async (_, roles: Role[] | undefined) => {
                    if (!roles || roles.length === 0) throw new Error(t('users.v.roles'));
                    const refusal = roleRefusal(roles ?? [], agency);
                    if (refusal) throw new Error(pick(refusal));
                  },
                },
              ]}
            >
              <Checkbox.Group style={{ width: '100%' }} role="group" aria-label={t('users.roles')}>
                <Row gutter={[8, 8]}>
                  {ASSIGNABLE_ROLES.map((role) => (
                    <Col xs={24} sm={12} key={role}>
                      <Checkbox value={role}>{pick(ROLE_LABELS[role])}</Checkbox>
                    </Col>
                  ))}
                </Row>
              </Checkbox.Group>
            </Form.Item>
          </Col>
          {editing ? null : (
            <>
              <Col xs={24} md={12}>
                <Form.Item
                  name="password"
                  label={t('users.password')}
                  rules={[
                    required(t('users.password')),
                    {
                      validator: async (_, value: string | undefined) =>
                        !value || isStrongPassword(value) ? undefined : Promise.reject(new Error(t('profile.v.weak'))),
                    },
                  ]}
                >
                  <Input.Password autoComplete="new-password" maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="confirm"
                  label={t('users.passwordConfirm')}
                  dependencies={['password']}
                  rules={[
                    required(t('users.passwordConfirm')),
                    ({ getFieldValue }) => ({
                      validator: async (_, value: string | undefined) =>
                        !value || value === getFieldValue('password') ? undefined : Promise.reject(new Error(t('users.passwordMismatch'))),
                    }),
                  ]}
                >
                  <Input.Password autoComplete="new-password" maxLength={200} />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Alert type="info" showIcon title={t('users.passwordHelp')} />
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
