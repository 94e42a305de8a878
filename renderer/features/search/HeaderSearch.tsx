import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDisplayDate } from '../../domain/date-format';
import { isEmptyQuery, MIN_PREFIX_LENGTH, parseQuery } from '../../domain/search/words';
import {
  type SearchHit,
  type SearchKind,
  type SearchProgress,
  type SearchResults,
  useClinicSearch,
} from './useClinicSearch';

// The search box of the header: people, pairings, meeting notes and action items, found by their words
// whatever the accents and capitals. Ctrl+K (Cmd+K) or "/" comes here from anywhere; the arrow keys
// move through the results, Enter opens one, Escape closes the list (and clears the box the second
// time). Built as the combobox of the ARIA practices: focus stays in the box, the list follows.

const GROUP_LABELS: Record<SearchKind, string> = {
  person: 'People',
  pair: 'Pairings',
  meeting: 'Meetings',
  actionItem: 'Action items',
};

/** True when a key press is text being typed somewhere ("/" must type a slash there). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function HeaderSearch() {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const id = useId();
  const { results, searching, progress, failed } = useClinicSearch(text);
  const hits = results?.groups.flatMap((group) => group.hits) ?? [];
  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const [shownFor, setShownFor] = useState(results);
  if (shownFor !== results) {
    setShownFor(results);
    setActive(-1);
  }

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const shortcut =
        ((event.ctrlKey || event.metaKey) &&
          !event.altKey &&
          !event.shiftKey &&
          event.key.toLowerCase() === 'k') ||
        (event.key === '/' &&
          !event.ctrlKey &&
          !event.metaKey &&
          !event.altKey &&
          !isTypingTarget(event.target));
      if (!shortcut) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The chosen result stays in sight as the arrow keys move through a long list.
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const openHit = (hit: SearchHit) => {
    setOpen(false);
    setText('');
    inputRef.current?.blur();
    navigate(hit.to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => {
        if (current < 0) return step > 0 ? 0 : hits.length - 1;
        return (current + step + hits.length) % hits.length;
      });
    } else if (event.key === 'Enter') {
      const hit = hits[Math.max(active, 0)];
      if (!hit) return;
      event.preventDefault();
      openHit(hit);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && text) setOpen(false);
      else {
        setText('');
        setOpen(false);
        inputRef.current?.blur();
      }
    } else if (event.key === 'Home' && open && active >= 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && open && active >= 0) {
      event.preventDefault();
      setActive(hits.length - 1);
    }
  };

  const showList = open && hits.length > 0;
  let index = 0;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is not yet known to every screen reader the clinic may use
    <div
      className="header-search"
      role="search"
      ref={boxRef}
      onBlur={(event) => {
        if (!boxRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${id}-box`} className="visually-hidden">
        Search the clinic
      </label>
      <input
        id={`${id}-box`}
        ref={inputRef}
        className="header-search__box"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={showList}
        aria-controls={showList ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${id}-status`}
        aria-keyshortcuts="Control+K Meta+K /"
        placeholder="Search people, pairings, notes (Ctrl+K)"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      <div
        className={open ? 'header-search__popup' : 'visually-hidden'}
        aria-busy={!isEmptyQuery(parseQuery(text)) && results?.text !== text}
      >
        <p id={`${id}-status`} className="header-search__status" role="status">
          {open ? statusText(text, results, searching, progress, failed) : ''}
        </p>
        {showList && (
          // Focusable too, so the list scrolls from the keyboard when focus is put on it; the keys work there as in the box.
          <div
            id={listId}
            role="listbox"
            aria-label="Search results"
            className="header-search__list"
            tabIndex={0}
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            onKeyDown={onKeyDown}
          >
            {results?.groups.map((group) => (
              // biome-ignore lint/a11y/useSemanticElements: a group of options inside a listbox, not of form fields
              <div
                key={group.kind}
                role="group"
                aria-labelledby={`${id}-group-${group.kind}`}
                className="header-search__group"
              >
                <div id={`${id}-group-${group.kind}`} className="header-search__group-name">
                  {GROUP_LABELS[group.kind]}
                  {group.total > group.hits.length
                    ? ` — ${group.hits.length} of ${group.total.toLocaleString()}`
                    : ` (${group.total})`}
                </div>
                {group.hits.map((hit) => {
                  const at = index++;
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are on the box, as in the ARIA combobox pattern
                    <div
                      key={`${hit.kind}-${hit.id}`}
                      id={optionId(at)}
                      role="option"
                      tabIndex={-1}
                      aria-selected={at === active}
                      className="header-search__option"
                      onMouseDown={(event) => event.preventDefault()}
                      onMouseMove={() => setActive(at)}
                      onClick={() => openHit(hit)}
                    >
                      <span className="header-search__title">
                        {hit.title}
                        {hit.date && (
                          <span className="header-search__date"> · {formatDisplayDate(hit.date)}</span>
                        )}
                      </span>
                      <span className="header-search__snippet">
                        {hit.snippet.map((part, i) =>
                          part.match ? (
                            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never move
                            <mark key={i}>{part.text}</mark>
                          ) : (
                            part.text
                          ),
                        )}
                      </span>
                    </div>
                  );
                })}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

function statusText(
  text: string,
  results: SearchResults | null,
  searching: boolean,
  progress: SearchProgress,
  failed: string | null,
): string {
  const reading = progress.incomplete
    ? ` ${progress.incomplete}`
    : !progress.ready && progress.total > 0
      ? ` Notes are still being read for the search (${Math.floor((progress.done / progress.total) * 100)}%).`
      : '';
  if (failed) return `The search could not answer: ${failed}`;
  if (!text.trim())
    return `Type a name, or words from a meeting note or an action item. Arrow keys choose, Enter opens, Escape closes. Confidential meetings' notes are not searched.${reading}`;
  const query = parseQuery(text);
  if (isEmptyQuery(query)) {
    if (query.tooShort === null) return `Type letters or digits to search.${reading}`;
    return `Type at least ${MIN_PREFIX_LENGTH} letters to search.${reading}`;
  }
  // A one-letter word at the end waits for its second letter: the other words are searched meanwhile.
  const waiting = query.tooShort
    ? ` “${query.tooShort}” is searched once it has ${MIN_PREFIX_LENGTH} letters.`
    : '';
  if (!results || (searching && results.text !== text)) return `Searching…${reading}`;
  const total = results.groups.reduce((sum, group) => sum + group.total, 0);
  if (total === 0) return `No matches for “${text.trim()}”.${waiting}${reading}`;
  return `${total.toLocaleString()} ${total === 1 ? 'match' : 'matches'}.${waiting}${reading}`;
}
