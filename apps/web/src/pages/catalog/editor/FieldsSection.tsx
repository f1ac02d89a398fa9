import { DATA_TYPES, IDENTIFIER_ROLES, SENSITIVITIES } from '@gongshu/domain';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select, Space, Table, Typography, type FormListFieldData } from 'antd';
import type { ReactElement } from 'react';
import { useI18n } from '../../../i18n/useT';
import type { MessageKey } from '../../../i18n/zh';
import { termOptions } from '../shared/vocabulary';
import { CheckedItem } from './CheckedItem';
import { FieldMaskSelect } from './FieldMaskSelect';
import { emptyField, MAX_FIELDS } from './editorForm';
import type { ProblemIndex } from './problems';

/**
 * 信息项: the data dictionary as an editable table (add, remove, move rows). Each cell shows the live
 * check's problem of that field and column ("fields[2].length" lands on row 3's length); each input
 * is named for its row and column, since a table cell has no visible label of its own.
 */
export function FieldsSection({ problems }: { readonly problems: ProblemIndex }) {
  const { t, pick } = useI18n();
  const typeOptions = termOptions(pick, DATA_TYPES);
  const roleOptions = termOptions(pick, IDENTIFIER_ROLES);
  const sensitivityOptions = termOptions(pick, SENSITIVITIES);
  const listProblems = problems.get('fields') ?? [];

  return (
    <Form.List name="fields">
      {(rows, { add, remove, move }) => {
        // Each input is named for its row and column ("第 2 行 长度"): a table cell has no label of its own.
        const cell = (
          row: FormListFieldData,
          column: string,
          label: MessageKey,
          control: (name: string) => ReactElement,
          extra: object = {},
        ) => (
          <CheckedItem
            name={[row.name, column]}
            problems={problems}
            problemKey={`fields.${row.name}.${column}`}
            style={{ margin: 0 }}
            {...extra}
          >
            {control(t('catalog.fields.cellLabel', { row: row.name + 1, column: t(label) }))}
          </CheckedItem>
        );
        return (
          <>
            {listProblems.length > 0 ? (
              <Typography.Paragraph type="danger" data-testid="field-problem" data-key="fields">
                {listProblems.map((problem) => pick(problem.message)).join(t('common.listSeparator'))}
              </Typography.Paragraph>
            ) : null}
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={rows}
              scroll={{ x: 1390 }}
              data-testid="editor-fields"
              className="gs-field-editor"
              columns={[
                { key: 'index', title: '#', width: 44, align: 'right', render: (_, row) => row.name + 1 },
                {
                  key: 'name',
                  title: t('catalog.fields.name'),
                  width: 160,
                  render: (_, row) =>
                    cell(row, 'name', 'catalog.fields.name', (name) => (
                      <Input maxLength={100} autoComplete="off" aria-label={name} data-testid="field-name" />
                    )),
                },
                {
                  key: 'code',
                  title: t('catalog.fields.code'),
                  width: 140,
                  render: (_, row) =>
                    cell(row, 'code', 'catalog.fields.code', (name) => (
                      <Input maxLength={63} autoComplete="off" className="gs-mono" aria-label={name} data-testid="field-code" />
                    )),
                },
                {
                  key: 'dataType',
                  title: t('catalog.fields.dataType'),
                  width: 120,
                  render: (_, row) =>
                    cell(row, 'dataType', 'catalog.fields.dataType', (name) => (
                      <Select options={typeOptions} aria-label={name} data-testid="field-type" />
                    )),
                },
                {
                  key: 'length',
                  title: t('catalog.fields.length'),
                  width: 96,
                  render: (_, row) =>
                    cell(row, 'length', 'catalog.fields.length', (name) => (
                      <InputNumber
                        min={1}
                        max={10000}
                        precision={0}
                        style={{ width: '100%' }}
                        aria-label={name}
                        data-testid="field-length"
                      />
                    )),
                },
                {
                  key: 'identifierRole',
                  title: t('catalog.fields.identifierRole'),
                  width: 150,
                  render: (_, row) =>
                    cell(row, 'identifierRole', 'catalog.fields.identifierRole', (name) => (
                      <Select options={roleOptions} aria-label={name} data-testid="field-role" />
                    )),
                },
                {
                  key: 'sensitivity',
                  title: t('catalog.fields.sensitivity'),
                  width: 110,
                  render: (_, row) =>
                    cell(row, 'sensitivity', 'catalog.fields.sensitivity', (name) => (
                      <Select options={sensitivityOptions} aria-label={name} />
                    )),
                },
                {
                  key: 'mask',
                  title: <span title={t('security.masking.editorHelp')}>{t('security.masking.column')}</span>,
                  width: 190,
                  render: (_, row) => (
                    <CheckedItem name={[row.name, 'mask']} problems={problems} problemKey={`fields.${row.name}.mask`} style={{ margin: 0 }}>
                      <FieldMaskSelect
                        row={row.name}
                        ariaLabel={t('catalog.fields.cellLabel', { row: row.name + 1, column: t('security.masking.column') })}
                      />
                    </CheckedItem>
                  ),
                },
                {
                  key: 'required',
                  title: t('catalog.fields.required'),
                  width: 60,
                  align: 'center',
                  render: (_, row) =>
                    cell(
                      row,
                      'required',
                      'catalog.fields.required',
                      (name) => <Checkbox aria-label={name} data-testid="field-required" />,
                      { valuePropName: 'checked' },
                    ),
                },
                {
                  key: 'description',
                  title: t('catalog.fields.description'),
                  width: 180,
                  render: (_, row) =>
                    cell(row, 'description', 'catalog.fields.description', (name) => (
                      <Input maxLength={500} autoComplete="off" aria-label={name} />
                    )),
                },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 140,
                  fixed: 'right',
                  render: (_, row) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        disabled={row.name === 0}
                        aria-label={t('catalog.fields.moveUp', { row: row.name + 1 })}
                        onClick={() => move(row.name, row.name - 1)}
                      >
                        {t('catalog.fields.up')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        disabled={row.name === rows.length - 1}
                        aria-label={t('catalog.fields.moveDown', { row: row.name + 1 })}
                        onClick={() => move(row.name, row.name + 1)}
                      >
                        {t('catalog.fields.down')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        danger
                        aria-label={t('catalog.fields.removeRow', { row: row.name + 1 })}
                        onClick={() => remove(row.name)}
                        data-testid="field-remove"
                      >
                        {t('catalog.fields.remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
              <Button onClick={() => add(emptyField())} disabled={rows.length >= MAX_FIELDS} data-testid="field-add">
                {t('catalog.fields.add')}
              </Button>
              <Typography.Text type="secondary">{t('catalog.fields.help')}</Typography.Text>
            </Flex>
          </>
        );
      }}
    </Form.List>
  );
}
