// Types of the UI's own helpers (dom.js) that JSDoc cannot spell: a recursive one.
// Imported from assets/*.js as './ui-types' (tsconfig's rootDirs); never served.

/**
 * What el() and append() put in a node: nodes as they are, anything else as text; null,
 * undefined and false are left out, and arrays are flattened.
 */
export type Child = Node | string | number | boolean | null | undefined | readonly Child[];

/**
 * Attributes for el(): `class`, `on<event>` listeners, and the rest as attributes (true as a
 * present, empty one); null, undefined and false are left out.
 */
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => unknown)>;
