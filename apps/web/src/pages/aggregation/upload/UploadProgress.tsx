import type { LoadBatch } from '@gongshu/contracts';
import { Progress, Steps, Typography } from 'antd';
import { isLoadRunning } from '../../../api/data';
import { useT } from '../../../i18n/useT';
import { LoadProgress } from '../loads/LoadProgress';

export interface UploadProgressProps {
  /** Upload progress 0–100. */
  readonly percent: number;
  readonly uploadFailed: boolean;
  /** The load once the server has the file. */
  readonly batch: LoadBatch | undefined;
}

/** 上传 → 校验入库 → 完成: the bytes sent, then the rows read in the background, then the outcome. */
export function UploadProgress({ percent, uploadFailed, batch }: UploadProgressProps) {
  const t = useT();
  const processing = isLoadRunning(batch);
  const done = batch !== undefined && !processing;
  const failed = batch?.state === 'failed' || batch?.state === 'rejected';
  const current = done ? 2 : batch ? 1 : 0;
  return (
    <section aria-labelledby="upload-progress-heading" data-testid="upload-progress">
      <h3 id="upload-progress-heading" className="gs-subheading">
        {t('data.progress.heading')}
      </h3>
      <Steps
        size="small"
        current={current}
        status={uploadFailed || failed ? 'error' : done ? 'finish' : 'process'}
        style={{ margin: '8px 0 16px' }}
        items={[
          { title: t('data.progress.stepUpload') },
          { title: t('data.progress.stepProcess') },
          { title: t('data.progress.stepDone') },
        ]}
      />
      <Progress
        percent={percent}
        status={uploadFailed ? 'exception' : percent === 100 ? 'success' : 'active'}
        aria-label={t('data.progress.upload')}
        data-testid="upload-bytes"
      />
      <Typography.Text type="secondary" aria-live="polite">
        {uploadFailed
          ? t('data.progress.uploadFailed')
          : percent < 100
            ? t('data.progress.uploading', { percent })
            : t('data.progress.uploaded')}
      </Typography.Text>
      {batch ? (
        <div style={{ marginTop: 12 }}>
          <LoadProgress batch={batch} />
        </div>
      ) : null}
    </section>
  );
}
