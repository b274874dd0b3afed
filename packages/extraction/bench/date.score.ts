/**
 * Publication dates scored by the day, as date extractors are compared: a page's date is right
 * when its day (as written, in its own zone) is the key's day, or that moment's day in UTC.
 * A wrong day costs precision only, no date at all recall only.
 */
export interface DateKeyEntry {
  /** YYYY-MM-DD in the publisher's own zone, as the page shows it. */
  published: string;
  /** The same moment's day in UTC, where that differs. */
  alsoRight?: string;
  evidence?: string;
}

export type DateOutcome = 'right' | 'wrong' | 'none';

export function scoreDate(predicted: string | null, key: DateKeyEntry): DateOutcome {
  if (!predicted) return 'none';
  const day = predicted.slice(0, 10);
  return day === key.published || day === key.alsoRight ? 'right' : 'wrong';
}

export interface DateSummary {
  right: number;
  wrong: number;
  none: number;
  precision: number;
  recall: number;
  f1: number;
}

export function summariseDates(outcomes: DateOutcome[]): DateSummary {
  const count = (o: DateOutcome) => outcomes.filter((x) => x === o).length;
  const right = count('right');
  const wrong = count('wrong');
  const none = count('none');
  const precision = right + wrong > 0 ? right / (right + wrong) : 0;
  const recall = right + none > 0 ? right / (right + none) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { right, wrong, none, precision, recall, f1 };
}
