import { ApiError, csrfToken } from '../../api';
import type { ImportBatchView } from '../../views';

/** An .xlsx workbook's media type (what the import routes take and give). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An answer that is not JSON but a file: saved under `fileName` (the service's answer when it names one). */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const response = await fetch(url);
  if (!response.ok) throw new ApiError(response.status, (await response.json().catch(() => null)) as never);
  const disposition = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '');
  const href = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = disposition ? decodeURIComponent(disposition[1]) : fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** The filled ledger to project-intake as the request's body: the dry run's batch, or the service's reasons (ApiError). */
export async function uploadLedger(file: File): Promise<ImportBatchView> {
  const token = csrfToken();
  const response = await fetch(`/api/project-intake/imports?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, ...(token ? { 'x-csrf-token': token } : {}) },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) throw new ApiError(response.status, body as never);
  return body as ImportBatchView;
}
