// Placeholder until this feature lands; the shell routes to it already.
export function ReportsScreen() {
  return <h1>Reports</h1>;
}
