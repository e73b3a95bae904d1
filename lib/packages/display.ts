// How a stored file is shown on the pages and the timeline.

/** "12.3 KB", "4.2 MB". */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Keeps only the extension, for roles that may not read personal data: staff may name a file after the person. */
export function maskFilename(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 && filename.length - dot <= 10 ? `•••${filename.slice(dot)}` : "•••";
}
