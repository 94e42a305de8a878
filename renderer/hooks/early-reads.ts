// The page's entry starts the first reads through here: the app layer reaches the data layer by hooks.
export { startEarlyReads } from '../data/early-reads';
