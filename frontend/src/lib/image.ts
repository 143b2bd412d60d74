/** The largest side of a stored contact photo, in pixels. */
export const PHOTO_MAX_SIDE = 512;
/** The backend refuses larger photos (contacts.MaxPhotoBytes). */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

/** The size an image of w×h gets so that neither side exceeds max, keeping its proportions. */
export function fitWithin(w: number, h: number, max: number): { width: number; height: number } {
  if (w <= 0 || h <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** The one or two letters shown for a contact without a photo: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-·.,]+/u)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  if (!words.length) return '?';
  const first = (w: string) => Array.from(w.replace(/^[^\p{L}\p{N}]+/u, ''))[0] ?? '';
  const out = words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
  return out.toLocaleUpperCase() || '?';
}

function readDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(blob);
  });
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('not an image'));
    img.src = src;
  });
}

/**
 * Makes a photo file ready to send: small images go as they are; larger ones are drawn at most
 * PHOTO_MAX_SIDE pixels wide or high (JPEG, or PNG when the file was a PNG). Anything the browser
 * cannot decode goes unchanged, so the backend's photo_invalid names the problem.
 */
export async function preparePhoto(file: File): Promise<{ dataUrl: string; mime: string }> {
  const original = await readDataUrl(file);
  let img: HTMLImageElement;
  try {
    img = await loadImage(original);
  } catch {
    return { dataUrl: original, mime: file.type };
  }
  const { width, height } = fitWithin(img.naturalWidth, img.naturalHeight, PHOTO_MAX_SIDE);
  if (width === img.naturalWidth && height === img.naturalHeight && file.size <= PHOTO_MAX_BYTES) {
    return { dataUrl: original, mime: file.type };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return { dataUrl: original, mime: file.type };
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(img, 0, 0, width, height);
  const mime = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
  return { dataUrl: canvas.toDataURL(mime, 0.9), mime };
}
