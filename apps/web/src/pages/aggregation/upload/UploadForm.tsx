import { Alert, Button, Flex, Form, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { isLoadRunning, useLoad, useUploadData, type LoadMode, type UploadEncoding } from '../../../api/data';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LinkButton } from '../../../components/LinkButton';
import { useI18n } from '../../../i18n/useT';
import { formatCount } from '../format';
import { LoadOutcome } from '../loads/LoadOutcome';
import { loadPath } from '../paths';
import { ModeChoice } from './ModeChoice';
import { ACCEPT, formatOfFile, kilobytes } from './uploadFile';
import { UploadProgress } from './UploadProgress';

type Encoding = UploadEncoding | 'auto';

export interface UploadFormProps {
  readonly resourceId: string;
  /** The identifier field's name (upsert matches on it), or null. */
  readonly identifier: string | null;
}

/**
 * Choose a file, how it merges and (for text files) its encoding; then the upload's progress, the
 * background processing polled every second, and the outcome.
 */
export function UploadForm({ resourceId, identifier }: UploadFormProps) {
  const { t, lang } = useI18n();
  const upload = useUploadData();
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<LoadMode>('replace');
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [percent, setPercent] = useState<number | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const load = useLoad(batchId);
  const batch = load.data;
  const format = file ? formatOfFile(file.name) : null;
  const busy = upload.isPending || isLoadRunning(batch);
  const started = percent !== null;
  // A load that has ended is not sent again by accident: 上传其他文件 starts afresh.
  const finished = batch !== undefined && !busy;

  const reset = () => {
    upload.reset();
    setFile(null);
    setPercent(null);
    setBatchId(null);
  };

  const send = () => {
    if (!file || !format) return;
    setPercent(0);
    setBatchId(null);
    upload.mutate(
      { resourceId, file, mode, encoding: format === 'xlsx' || encoding === 'auto' ? null : encoding, onProgress: setPercent },
      { onSuccess: (queued) => setBatchId(queued.id) },
    );
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Form layout="vertical" disabled={busy} data-testid="upload-form">
        <Form.Item label={t('data.upload.file')} required extra={t('data.upload.fileHelp')}>
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            showUploadList={false}
            beforeUpload={(chosen) => {
              reset();
              setFile(chosen);
              // Nothing is sent yet: the file goes once 开始上传 is pressed.
              return false;
            }}
            data-testid="upload-choose"
          >
            <p className="ant-upload-text">{t('data.upload.drop')}</p>
            <p className="ant-upload-hint">{t('data.upload.dropHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        {file ? (
          <Typography.Paragraph data-testid="upload-file">
            {t('data.upload.chosen', { name: file.name, size: formatCount(lang, kilobytes(file.size)) })}
          </Typography.Paragraph>
        ) : null}
        {file && !format ? (
          <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('data.upload.badType')} />
        ) : null}
        <Form.Item label={t('data.upload.mode')}>
          <ModeChoice label={t('data.upload.mode')} value={mode} onChange={setMode} identifier={identifier} />
        </Form.Item>
        <Form.Item
          label={t('data.upload.encoding')}
          htmlFor="upload-encoding"
          extra={format === 'xlsx' ? t('data.upload.encodingXlsx') : t('data.upload.encodingHelp')}
        >
          <Select<Encoding>
            id="upload-encoding"
            value={format === 'xlsx' ? 'auto' : encoding}
            onChange={setEncoding}
            disabled={busy || format === 'xlsx'}
            style={{ width: 240 }}
            options={[
              { value: 'auto', label: t('data.encoding.auto') },
              { value: 'utf-8', label: 'UTF-8' },
              { value: 'gb18030', label: 'GB18030' },
            ]}
            data-testid="upload-encoding"
          />
        </Form.Item>
        <Flex gap={8} wrap>
          <Button type="primary" onClick={send} disabled={!file || !format || busy || finished} loading={busy} data-testid="upload-send">
            {t('data.upload.send')}
          </Button>
          {started && !busy ? (
            <Button onClick={reset} disabled={false} data-testid="upload-again">
              {t('data.upload.again')}
            </Button>
          ) : null}
        </Flex>
      </Form>
      {started ? <UploadProgress percent={percent} uploadFailed={upload.isError} batch={batch} /> : null}
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {load.isError ? <ErrorAlert error={load.error} onRetry={() => void load.refetch()} /> : null}
      {batch ? (
        <LoadOutcome
          batch={batch}
          extra={
            <LinkButton to={loadPath(batch.id)} data-testid="outcome-load">
              {t('data.outcome.loadDetail')}
            </LinkButton>
          }
        />
      ) : null}
    </Space>
  );
}
