/**
 * Renders article HTML to plain text blocks. Each block remembers the element that owns
 * it so that a block judged to be boilerplate can be removed from the HTML as well.
 */

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'CAPTION',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface TextBlock {
  text: string;
  owner: Element;
}

export function renderBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let owner: Element = root;

  const flush = () => {
    const text = buffer
      .split('\n')
      .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (text) blocks.push({ text, owner });
    buffer = '';
  };

  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      buffer += inPre ? value : value.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      buffer += '\n';
      return;
    }
    const isBlock = BLOCK_TAGS.has(tag);
    const previousOwner = owner;
    if (isBlock) {
      flush();
      owner = el;
    }
    for (const child of Array.from(el.childNodes)) walk(child, inPre || tag === 'PRE');
    if (isBlock) {
      // Text after a nested block belongs to this block again, not to the nested one.
      flush();
      owner = previousOwner;
    } else if (tag === 'TD' || tag === 'TH') {
      buffer += ' ';
    }
  };

  walk(root, false);
  flush();
  return blocks;
}
