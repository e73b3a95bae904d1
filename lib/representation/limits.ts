// Limits of representation documents, without server imports: pages and forms show them.

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Per request: enough for a permission and a correction or two, not a file store. */
export const MAX_DOCUMENTS_PER_REQUEST = 5;
