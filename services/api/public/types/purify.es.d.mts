// The UI imports DOMPurify as './purify.es.mjs', the file web-ui.routes.ts serves from the
// dompurify package; its types come from that package. Imported from assets/*.js as if it stood
// there (tsconfig's rootDirs); never served.
export { default } from 'dompurify';
export type * from 'dompurify';
