import { type SearchPort, serveSearch } from './search-serve';

// The search worker: holds the clinic's word index away from the window. It reads the records through
// its own connection and opens sealed text with the key the window lent it; the window ends this worker
// when the clinic locks. It posts results and progress only; nothing is logged (the records name people).

serveSearch(self as unknown as SearchPort);
