/** A span of text between quotation marks. */
export interface QuoteSpan {
  /** offset of the opening mark */
  open: number;
  /** offset of the closing mark, or -1 when the quote runs to the end of its paragraph */
  close: number;
  /** inner text range (marks excluded, outer spaces and the closing comma trimmed) */
  start: number;
  end: number;
  mark: 'double' | 'single';
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c);

/**
 * Pairs quotation marks paragraph by paragraph: curly and straight doubles; single marks as quotes
 * only outside a double quote (inside they are nested quotes, kept in the text) and never between
 * two letters (apostrophes). An unclosed double quote that opens a paragraph runs to its end (the
 * convention for a quote going on over several paragraphs); other unbalanced marks are dropped.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let paraStart = 0;
  while (paraStart < text.length) {
    let paraEnd = text.indexOf('\n', paraStart);
    if (paraEnd < 0) paraEnd = text.length;
    scanParagraph(text, paraStart, paraEnd, out);
    paraStart = paraEnd + 1;
  }
  return out;
}

function firstVisible(text: string, from: number, to: number): number {
  let k = from;
  while (k < to && /\s/.test(text[k]!)) k++;
  return k;
}

function scanParagraph(text: string, from: number, to: number, out: QuoteSpan[]): void {
  let dOpen = -1;
  let sOpen = -1;
  const push = (open: number, close: number, mark: QuoteSpan['mark']): void => {
    let s = open + 1;
    let e = close < 0 ? to : close;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /[\s,]/.test(text[e - 1]!)) e--;
    if (e > s && /[\p{L}\p{N}]/u.test(text.slice(s, e))) out.push({ open, close, start: s, end: e, mark });
  };
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    const prev = i > from ? text[i - 1] : undefined;
    const next = i + 1 < to ? text[i + 1] : undefined;
    // 'Now they're saying it's an “act of God”. Well, …': a double quotation inside a single one
    // (British style) is nested — when the single one closes after it, or runs on past the paragraph
    const nestedEnd =
      sOpen >= 0 && dOpen < 0 && (c === '“' || c === '„' || c === '"')
        ? nestedDoubleEnd(text, i, to, sOpen === firstVisible(text, from, to))
        : -1;
    if (nestedEnd >= 0) {
      i = nestedEnd;
    } else if (c === '“' || c === '„') {
      dOpen = i;
      sOpen = -1;
    } else if (c === '`' && next === '`' && dOpen < 0) {
      // wire copy typed for old terminals (and TeX) opens with two backquotes, closes with two single marks
      dOpen = ++i;
      sOpen = -1;
    } else if (c === '”') {
      if (dOpen >= 0) {
        push(dOpen, i, 'double');
        dOpen = -1;
      }
    } else if (c === '"') {
      if (dOpen >= 0 && !(isSpace(prev) && !isSpace(next) && !/[,.;:!?]/.test(next ?? ''))) {
        push(dOpen, i, 'double');
        dOpen = -1;
      } else if (!isLetter(prev)) {
        dOpen = i;
        sOpen = -1;
      }
    } else if (dOpen >= 0 && (c === "'" || c === '’') && text[i + 1] === c && !isLetter(text[i + 2])) {
      // AP style closes a double quotation with two single marks: "It was an attempt,'' he said
      push(dOpen, i, 'double');
      dOpen = -1;
      i++;
    } else if (dOpen < 0 && (c === '‘' || c === "'" || c === '’')) {
      if (sOpen < 0) {
        // an opening single mark: not inside a word, followed by a word
        if (c !== '’' && !isLetter(prev) && isLetter(next)) sOpen = i;
      } else if (c !== '‘' && !isLetter(next) && !isSpace(prev)) {
        push(sOpen, i, 'single');
        sOpen = -1;
      }
    }
  }
  if (dOpen >= 0) {
    const nextPara = firstVisible(text, to + 1, text.length);
    const continues = /["“]/.test(text[nextPara] ?? '');
    if (dOpen === firstVisible(text, from, to) || continues) push(dOpen, -1, 'double');
  }
  // a single quotation unclosed at the paragraph's end runs on when the next paragraph opens with
  // a single mark (the British form of a quotation over several paragraphs)
  if (sOpen >= 0) {
    const nextPara = firstVisible(text, to + 1, text.length);
    if (/[‘']/.test(text[nextPara] ?? '') && isLetter(text[nextPara + 1])) push(sOpen, -1, 'single');
  }
}

/**
 * Where the double quotation opening at `at` closes, when a single quotation around it closes
 * after it in the paragraph (or `running`: the single one opened the paragraph and may run on);
 * else -1.
 */
function nestedDoubleEnd(text: string, at: number, to: number, running: boolean): number {
  let close = -1;
  for (let k = at + 1; k < to; k++) {
    const c = text[k]!;
    if (c === '”' || (c === '"' && !isSpace(text[k - 1]))) {
      close = k;
      break;
    }
  }
  if (close < 0) return -1;
  if (running) return close;
  for (let k = close + 1; k < to; k++) {
    const c = text[k]!;
    if ((c === '’' || c === "'") && !isLetter(text[k + 1]) && !isSpace(text[k - 1])) return close;
  }
  return -1;
}
