// A PNG's size from its IHDR chunk, which the format requires to come first. Pure: no I/O.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

/** A logo larger than this either way is not a logo (and costs every visitor the download). */
export const MAX_PNG_SIDE = 4096;

export function isPng(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

export type PngCheck = { ok: true; width: number; height: number } | { ok: false; code: string; message: string };

/** Reads and bounds the size of a file that starts with the PNG signature. */
export function checkPng(bytes: Uint8Array): PngCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (bytes.length < 33 || view.getUint32(8) !== 13 || type !== "IHDR") {
    return { ok: false, code: "PNG_DAMAGED", message: "The PNG is damaged: its header (IHDR) is missing. Export it again and upload the new file" };
  }
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    return {
      ok: false,
      code: "PNG_DIMENSIONS",
      message: `The PNG is ${width} × ${height} pixels; a logo must be between 1 and ${MAX_PNG_SIDE} pixels each way. Resize it and upload it again`,
    };
  }
  const end = bytes.subarray(bytes.length - IEND.length);
  if (!IEND.every((b, i) => end[i] === b)) {
    return { ok: false, code: "PNG_DAMAGED", message: "The PNG is incomplete: it does not end where a PNG ends. Export it again and upload the new file" };
  }
  return { ok: true, width, height };
}
