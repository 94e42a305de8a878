import { formatPercent } from '../../domain/reports/format';
import type { TopicsCovered } from '../../domain/reports/topics';
import { Table } from '../../ui/Table';
import { BarChart } from './Charts';
import { ReportSection } from './ReportSection';

export function TopicsSection({ topics }: { topics: TopicsCovered }) {
  return (
    <ReportSection title="Topics covered">
      <p className="report-note">
        {topics.meetingsWithTopics} of {topics.meetings} meetings recorded at least one topic;{' '}
        {topics.pairsThatMet} pairs met in the period.
      </p>
      <BarChart
        title="Meetings by topic"
        bars={topics.topics
          .filter((topic) => topic.meetings > 0)
          .map((t) => ({ label: t.label, value: t.meetings }))}
      />
      <Table caption="Topics" headers={['Topic', 'Meetings', 'Pairs', 'Share of pairs that met']}>
        {topics.topics.map((topic) => (
          <tr key={topic.topicId}>
            <td>{topic.label}</td>
            <td className="number">{topic.meetings}</td>
            <td className="number">{topic.pairs}</td>
            <td className="number">{formatPercent(topic.shareOfPairs)}</td>
          </tr>
        ))}
      </Table>
    </ReportSection>
  );
}
