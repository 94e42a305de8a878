import { useEffect, useState } from 'react';
import { firstPortfolioDay, loadPortfolioData } from '../../data/portfolio.repo';
import { computePortfolio, type Portfolio, type PortfolioPeriod } from '../../domain/reports/portfolio';
import type { Id, PaperSize } from '../../domain/types';
import { getPlatform } from '../../platform/platform';

export type PortfolioState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'ready'; portfolio: Portfolio }
  | { status: 'failed'; message: string };

/** The mentor's portfolio for a period, made once per choice (a snapshot, like a report). */
export function usePortfolio(mentorId: Id, period: PortfolioPeriod | null): PortfolioState {
  const [state, setState] = useState<PortfolioState>({ status: 'loading' });
  const start = period?.start;
  const end = period?.end;
  useEffect(() => {
    if (!start || !end) return;
    let live = true;
    setState({ status: 'loading' });
    loadPortfolioData(mentorId, { start, end })
      .then((data) => {
        if (!live) return;
        setState(
          data
            ? { status: 'ready', portfolio: computePortfolio(data, { start, end }) }
            : { status: 'missing' },
        );
      })
      .catch((error: unknown) => {
        console.error('The portfolio could not be made', error);
        if (live)
          setState({ status: 'failed', message: 'The portfolio could not be made. Please try again.' });
      });
    return () => {
      live = false;
    };
  }, [mentorId, start, end]);
  return state;
}

/** Where a whole-career portfolio starts: the mentor's first pairing, training or recognition. */
export function useFirstPortfolioDay(mentorId: Id): string | null | undefined {
  const [day, setDay] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    firstPortfolioDay(mentorId)
      .then((found) => {
        if (live) setDay(found);
      })
      .catch(() => {
        if (live) setDay(null);
      });
    return () => {
      live = false;
    };
  }, [mentorId]);
  return day;
}

/** Prints the print layout to a PDF (the desktop's save dialog, or the browser's print dialog). */
export async function savePortfolioPdf(suggestedName: string, paperSize: PaperSize): Promise<boolean> {
  const result = await getPlatform().printToPdf({ suggestedName: `${suggestedName}.pdf`, paperSize });
  return result.saved;
}
