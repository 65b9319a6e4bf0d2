/**
 * saveDownload saves a blob under the file name of the response's Content-Disposition (else fallback), as a
 * download link the browser follows once.
 */
export function saveDownload(blob: Blob, response: Response, fallback: string): void {
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
