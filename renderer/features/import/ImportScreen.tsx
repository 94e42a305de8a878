// Placeholder until this feature lands; the shell routes to it already.
export function ImportScreen() {
  return <h1>Import a roster</h1>;
}
