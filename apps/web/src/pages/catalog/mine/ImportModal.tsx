/**
 * 导入 Excel (R10.1): a filled template becomes drafts of my agency in one transaction. Without the
 * option, any error saves nothing and every error is listed; with "仅保存无误的条目为草稿", the valid
 * entries are saved and the errors of the others are listed. Entries involving state secrets are
 * never saved (R2.2).
 */
import { Alert, Button, Checkbox, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { importErrorsOf, TEMPLATE_URL, useImportCatalog } from '../../../api/catalogFiles';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';
import { ImportErrorTable } from './ImportErrorTable';

const MAX_BYTES = 10 * 1024 * 1024;
/** Saved drafts listed by name; the rest are counted (they are all in 本单位目录). */
const LISTED = 20;

export function ImportModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  const t = useT();
  const importFile = useImportCatalog();
  const [file, setFile] = useState<File | null>(null);
  const [saveValid, setSaveValid] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const result = importFile.data;
  const refusedErrors = importErrorsOf(importFile.error);

  const close = () => {
    if (importFile.isPending) return;
    importFile.reset();
    setFile(null);
    setProgress(null);
    setTooLarge(false);
    onClose();
  };

  const send = () => {
    if (!file) return;
    setProgress(0);
    importFile.mutate({ file, saveValidAsDrafts: saveValid, onProgress: setProgress });
  };

  return (
    <Modal
      open={open}
      width={820}
      title={t('catalog.import.title')}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close} disabled={importFile.isPending}>
            {t('catalog.import.close')}
          </Button>
          <Button type="primary" onClick={send} disabled={!file || tooLarge} loading={importFile.isPending} data-testid="import-send">
            {t('catalog.import.send')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('catalog.import.intro')}{' '}
        <a href={TEMPLATE_URL} download>
          {t('catalog.mine.template')}
        </a>
      </Typography.Paragraph>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(chosen) => {
            importFile.reset();
            setProgress(null);
            setFile(chosen);
            setTooLarge(chosen.size > MAX_BYTES);
            // Nothing is uploaded yet: the file is sent once the steward presses 导入.
            return false;
          }}
        >
          <Button data-testid="import-choose">{t('catalog.import.choose')}</Button>
        </Upload>
        {file ? (
          <Typography.Text data-testid="import-file">
            {t('catalog.import.chosen', { name: file.name, size: Math.max(1, Math.round(file.size / 1024)) })}
          </Typography.Text>
        ) : null}
        {tooLarge ? <Alert type="error" showIcon role="alert" title={t('catalog.import.tooLarge')} /> : null}
        <Checkbox checked={saveValid} onChange={(event) => setSaveValid(event.target.checked)} data-testid="import-save-valid">
          {t('catalog.import.saveValid')}
        </Checkbox>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t(saveValid ? 'catalog.import.saveValidHelp' : 'catalog.import.allOrNoneHelp')}
        </Typography.Text>
        {progress !== null ? (
          <Progress
            percent={progress}
            status={importFile.isError ? 'exception' : importFile.isSuccess ? 'success' : 'active'}
            aria-label={t('catalog.import.progress')}
            data-testid="import-progress"
          />
        ) : null}
        {importFile.isPending && progress === 100 ? (
          <Typography.Text type="secondary">{t('catalog.import.checking')}</Typography.Text>
        ) : null}
        {importFile.isError ? <ErrorAlert error={importFile.error} /> : null}
        {refusedErrors.length > 0 ? <ImportErrorTable errors={refusedErrors} /> : null}
        {result ? (
          <>
            <Alert
              type={result.errors.length > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="import-result"
              title={t('catalog.import.saved', { count: result.created.length })}
              description={
                result.created.length > 0 ? (
                  <ul className="gs-failures">
                    {result.created.slice(0, LISTED).map((created) => (
                      <li key={created.id}>
                        <Link to={`/catalog/versions/${created.id}`} onClick={close}>
                          {created.name}
                        </Link>
                        <Typography.Text type="secondary"> {t('catalog.import.rowOf', { row: created.row })}</Typography.Text>
                      </li>
                    ))}
                    {result.created.length > LISTED ? <li>{t('catalog.import.more', { count: result.created.length - LISTED })}</li> : null}
                  </ul>
                ) : undefined
              }
            />
            {result.errors.length > 0 ? (
              <>
                <Typography.Text strong>{t('catalog.import.leftOut', { count: result.errors.length })}</Typography.Text>
                <ImportErrorTable errors={result.errors} />
              </>
            ) : null}
          </>
        ) : null}
      </Space>
    </Modal>
  );
}
