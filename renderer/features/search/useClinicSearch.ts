import { useEffect, useState } from 'react';
import {
  isSuperseded,
  prepareSearch,
  type SearchProgress,
  type SearchResults,
  searchClinic,
  searchProgress,
  watchSearchProgress,
} from '../../data/search-session';
import { isEmptyQuery, parseQuery } from '../../domain/search/words';

export type {
  SearchGroup,
  SearchHit,
  SearchKind,
  SearchProgress,
  SearchResults,
} from '../../data/search-session';

/** How long after the app shows the index starts building, unless the search box is used first. */
const PREPARE_AFTER_MS = 3000;

export interface ClinicSearch {
  /** The answer to the latest text typed (null before the first answer, for an empty box, or for text too
   * short to search: one letter). */
  results: SearchResults | null;
  /** A search is under way for text newer than `results`. */
  searching: boolean;
  progress: SearchProgress;
  failed: string | null;
}

/** Searches the clinic as the manager types; only the latest text is searched and its answer kept. */
export function useClinicSearch(text: string): ClinicSearch {
  const [results, setResults] = useState<SearchResults | null>(null);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const progress = useSearchProgress();

  useEffect(() => {
    const timer = setTimeout(prepareSearch, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);

  // Asked again as the index grows, so a search typed while it builds fills in by itself.
  const building = !progress.ready;
  const searchable = !isEmptyQuery(parseQuery(text));
  // biome-ignore lint/correctness/useExhaustiveDependencies: progress steps ask again while building
  useEffect(() => {
    // A lone letter is not searched: it begins nearly every word (the box says to type another).
    if (!searchable) {
      setResults(null);
      setSearching(false);
      return;
    }
    // Each keystroke's search supersedes the one before (the worker skips or stops it); an answer to an
    // older text is never shown after a newer one.
    const asked = new AbortController();
    setSearching(true);
    searchClinic(text, undefined, asked.signal).then(
      (answer) => {
        if (asked.signal.aborted) return;
        setResults(answer);
        setFailed(null);
        setSearching(false);
      },
      (error: unknown) => {
        if (asked.signal.aborted || isSuperseded(error)) return;
        setFailed(error instanceof Error ? error.message : 'The search did not answer.');
        setSearching(false);
      },
    );
    return () => asked.abort();
  }, [text, searchable, building]);

  return { results, searching, progress, failed };
}

function useSearchProgress(): SearchProgress {
  const [progress, setProgress] = useState(searchProgress);
  useEffect(() => watchSearchProgress(setProgress), []);
  return progress;
}

export { prepareSearch };
