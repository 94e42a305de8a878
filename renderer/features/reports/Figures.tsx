/** A row of headline figures, each with its label, as a description list. */
export function Figures({ figures }: { figures: ReadonlyArray<readonly [string, string | number]> }) {
  return (
    <dl className="report-figures">
      {figures.map(([label, value]) => (
        <div key={label} className="report-figures__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
