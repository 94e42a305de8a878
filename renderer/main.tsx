import './styles.css';
import { todayIso } from './domain/calendar';
import { DASHBOARD_ROWS_SHOWN } from './domain/dashboard';
import { startEarlyReads } from './hooks/early-reads';

// The entry is kept small: it starts opening the database and the first reads (the lock's key ring, the
// settings, the dashboard's first rows) at once, then loads the app, whose code is most of what the page
// downloads and compiles; the reads run meanwhile.
startEarlyReads(todayIso(), DASHBOARD_ROWS_SHOWN);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
import('./app/mount').then(({ mountApp }) => mountApp(root));
