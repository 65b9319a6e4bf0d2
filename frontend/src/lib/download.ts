/**
 * saveDownload saves a fetched file (a Blob) under the server's file name from
 * Content-Disposition, or fallback when it names none.
 */
export function saveDownload(data: Blob, response: Response, fallback: string): void {
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
