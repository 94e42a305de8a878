import type { titleMeanings } from '../../domain/roster-import';
import type { TitleMeaning } from '../../domain/roster-values';
import {
  CAREER_STAGE_LABELS,
  CAREER_STAGES,
  type CareerStage,
  PROFESSION_LABELS,
  PROFESSIONS,
  type Profession,
} from '../../domain/types';
import { Table } from '../../ui/Table';

type Title = ReturnType<typeof titleMeanings>[number];

interface TitleMeaningsTableProps {
  column: string;
  titles: Title[];
  onChange: (key: string, meaning: TitleMeaning) => void;
}

/** One line per distinct job title: the profession and career stage it stands for, for every row. */
export function TitleMeaningsTable({ column, titles, onChange }: TitleMeaningsTableProps) {
  return (
    <Table
      caption={`What each value of “${column}” means`}
      headers={[column, 'Lines', 'Profession', 'Career stage']}
    >
      {titles.map((title) => (
        <tr key={title.key}>
          <th scope="row">{title.text}</th>
          <td>{title.count}</td>
          <td>
            <select
              aria-label={`Profession for “${title.text}”`}
              value={title.meaning.profession ?? ''}
              aria-invalid={title.meaning.profession === null || undefined}
              onChange={(event) =>
                onChange(title.key, {
                  ...title.meaning,
                  profession: (event.target.value || null) as Profession | null,
                })
              }
            >
              <option value="">Choose…</option>
              {PROFESSIONS.map((profession) => (
                <option key={profession} value={profession}>
                  {PROFESSION_LABELS[profession]}
                </option>
              ))}
            </select>
          </td>
          <td>
            <select
              aria-label={`Career stage for “${title.text}”`}
              value={title.meaning.careerStage ?? ''}
              onChange={(event) =>
                onChange(title.key, {
                  ...title.meaning,
                  careerStage: (event.target.value || null) as CareerStage | null,
                })
              }
            >
              <option value="">Not from the title</option>
              {CAREER_STAGES.map((stage) => (
                <option key={stage} value={stage}>
                  {CAREER_STAGE_LABELS[stage]}
                </option>
              ))}
            </select>
          </td>
        </tr>
      ))}
    </Table>
  );
}
