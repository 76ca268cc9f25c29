/**
 * The request methods this site answers. It only serves files: anything else (POST, PUT, OPTIONS,
 * TRACE…) is refused with 405 and `Allow`, before any file is looked at, so no server module that
 * might act on a body or echo a request (TRACE) is ever reached. Decided here; the manifest carries
 * it (`methods`) and `npm start` and each emitted config read it from there.
 */
export const ALLOWED_METHODS = ['GET', 'HEAD'] as const;
