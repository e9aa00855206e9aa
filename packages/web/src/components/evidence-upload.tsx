import { INPUT_LIMITS } from '@sutiao/domain/input-limits.ts';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, uploadFile } from '../api/client.ts';
import type { Upload as UploadResult } from '../api/types.ts';
import { formatBytes } from '../format.ts';
import { useI18n } from '../i18n/index.ts';

type UploadRequestOption = Parameters<NonNullable<UploadProps['customRequest']>>[0];

const MAX_UPLOAD_BYTES = INPUT_LIMITS.evidenceFileMb * 1024 * 1024;
const ALLOWED_MIME = new Set(['application/pdf', 'image/png', 'image/jpeg']);
const ALLOWED_EXT = /\.(pdf|png|jpe?g)$/i;

interface EvidenceUploadProps {
  /** The uploaded files (server ids); controlled. */
  value?: UploadResult[];
  onChange?: (value: UploadResult[]) => void;
  buttonText?: string;
  maxCount?: number;
  id?: string;
}

/** antd Upload → POST /api/uploads; type and size are checked here too so the user learns before sending. */
export function EvidenceUpload({ value = [], onChange, buttonText, maxCount = 20, id }: EvidenceUploadProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [pending, setPending] = useState<UploadFile[]>([]);
  // Several files finish independently: append to the latest list, not the one captured at start.
  const latest = useRef(value);
  latest.current = value;

  const beforeUpload = (file: File) => {
    if (!(ALLOWED_MIME.has(file.type) || ALLOWED_EXT.test(file.name))) {
      void message.error(t('upload.badType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      void message.error(t('upload.tooLarge', { name: file.name, size: formatBytes(file.size) }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest = (options: UploadRequestOption) => {
    const file = options.file as File;
    const uid = (file as File & { uid?: string }).uid ?? file.name;
    setPending((list) => [...list, { uid, name: file.name, status: 'uploading' }]);
    uploadFile(file)
      .then((result) => {
        latest.current = [...latest.current, result];
        onChange?.(latest.current);
        options.onSuccess?.(result);
      })
      .catch((cause: unknown) => {
        const text = cause instanceof ApiError ? cause.message : t('error.generic');
        void message.error(`${file.name}: ${text}`);
        options.onError?.(cause instanceof Error ? cause : new Error(text));
      })
      .finally(() => setPending((list) => list.filter((item) => item.uid !== uid)));
  };

  const fileList: UploadFile[] = [
    ...value.map((item) => ({
      uid: item.id,
      name: `${item.name}（${formatBytes(item.size)}）`,
      status: 'done' as const,
    })),
    ...pending,
  ];

  // The id goes on a wrapper, not the button: a <label for> on the button would replace its name "上传证据".
  return (
    <div id={id}>
      <Upload
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        multiple
        fileList={fileList}
        beforeUpload={beforeUpload}
        customRequest={customRequest}
        maxCount={maxCount}
        onRemove={(file) => {
          onChange?.(value.filter((item) => item.id !== file.uid));
          return true;
        }}
      >
        <Button>{buttonText ?? t('upload.button')}</Button>
      </Upload>
    </div>
  );
}
