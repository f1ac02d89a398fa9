import { Alert, App, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useLoadRuleSet, type RuleSetDocument } from '../../api/ruleSets';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { readRuleSetFile } from './ruleSetFile';

/**
 * Loads a revised regulation as a rule set (bureau administrators, R37.1): the JSON file is read in
 * the browser, summarised for a look before sending, and checked in full by the server.
 */
export function RuleSetUpload() {
  const t = useT();
  const { message } = App.useApp();
  const load = useLoadRuleSet();
  const [document, setDocument] = useState<RuleSetDocument | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);

  const readFile = async (file: File) => {
    load.reset();
    const read = readRuleSetFile(await file.text());
    if (read.ok) {
      setDocument(read.document);
      setFileProblem(null);
    } else {
      setDocument(null);
      setFileProblem(t(read.problem === 'json' ? 'rules.badJson' : 'rules.badShape', { name: file.name }));
    }
  };

  const send = () => {
    if (!document) return;
    // A refusal (invalid rule set, code already loaded) shows below, from the mutation's state.
    load.mutate(document, {
      onSuccess: (loaded) => {
        void message.success(t('rules.loaded', { title: loaded.title }));
        setDocument(null);
      },
    });
  };

  return (
    <Card title={<h2 className="gs-card-title">{t('rules.upload')}</h2>} data-testid="rule-set-upload" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('rules.uploadHint')}</Typography.Paragraph>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Upload
          accept=".json,application/json"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void readFile(file);
            // Nothing is uploaded as a file: the parsed document is sent as JSON once confirmed.
            return false;
          }}
        >
          <Button>{t('rules.uploadButton')}</Button>
        </Upload>
        {fileProblem ? <Alert type="error" showIcon role="alert" title={fileProblem} /> : null}
        {document ? (
          <Alert
            type="info"
            showIcon
            data-testid="rule-set-preview"
            title={t('rules.preview', {
              title: document.title,
              code: document.code,
              from: document.validFrom,
              to: document.validTo,
              count: Object.keys(document.limits).length,
            })}
            action={
              <Button type="primary" size="small" loading={load.isPending} onClick={send}>
                {t('rules.load')}
              </Button>
            }
          />
        ) : null}
        {load.isError ? <ErrorAlert error={load.error} /> : null}
      </Space>
    </Card>
  );
}
