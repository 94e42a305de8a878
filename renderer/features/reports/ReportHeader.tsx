import { formatDisplayMoment } from '../../domain/date-format';
import type { AccreditationReport } from '../../domain/reports/compute-report';
import { formatPeriodRange } from '../../domain/reports/period';

/** Who, what period, which programs, when and by which version: the first thing a surveyor reads. */
export function ReportHeader({ report }: { report: AccreditationReport }) {
  return (
    <header className="report-header">
      <p className="report-header__kicker">Mentorship program report</p>
      <h2 className="report-header__clinic">{report.clinicName || 'Clinic name not set'}</h2>
      <dl className="report-header__facts">
        <div>
          <dt>Period</dt>
          <dd>
            {report.period.name}: {formatPeriodRange(report.period)}
          </dd>
        </div>
        <div>
          <dt>Programs</dt>
          <dd>{programList(report)}</dd>
        </div>
        <div>
          <dt>Generated</dt>
          <dd>
            {formatDisplayMoment(report.generatedAt)} by Guiding Hands {report.appVersion}
          </dd>
        </div>
      </dl>
    </header>
  );
}

export function programList(report: AccreditationReport): string {
  if (report.programs.length === 0) return 'No programs';
  const names = report.programs.map((program) => program.name).join(', ');
  return report.allPrograms ? `All programs (${names})` : names;
}
