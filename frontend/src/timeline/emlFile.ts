/** True when a dropped file is an e-mail message by name or type. */
export function isEmlFile(f: { name: string; type: string }): boolean {
  return /\.eml$/i.test(f.name) || f.type === 'message/rfc822';
}

/** The file's bytes as base64 (FileReader data URL, prefix removed). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.onload = () => {
      const url = String(r.result ?? '');
      const comma = url.indexOf(',');
      resolve(comma >= 0 ? url.slice(comma + 1) : '');
    };
    r.readAsDataURL(file);
  });
}

/** Whether a drag carries files (not text or a link dragged inside the page). */
export function carriesFiles(dt: DataTransfer | null): boolean {
  return !!dt && Array.from(dt.types ?? []).includes('Files');
}
