import type { roleMeanings } from '../../domain/roster-import';
import { PROGRAM_ROLE_LABELS, PROGRAM_ROLES, type ProgramRole } from '../../domain/roster-values';
import { Table } from '../../ui/Table';

type Role = ReturnType<typeof roleMeanings>[number];

interface RoleMeaningsTableProps {
  column: string;
  roles: Role[];
  onChange: (key: string, role: ProgramRole) => void;
}

/** One line per distinct value of the role column: mentor, mentee, both or neither. */
export function RoleMeaningsTable({ column, roles, onChange }: RoleMeaningsTableProps) {
  return (
    <Table caption={`What each value of “${column}” means`} headers={[column, 'Lines', 'In the program']}>
      {roles.map((role) => (
        <tr key={role.key}>
          <th scope="row">{role.text}</th>
          <td>{role.count}</td>
          <td>
            <select
              aria-label={`Meaning of “${role.text}”`}
              value={role.meaning ?? ''}
              aria-invalid={role.meaning === null || undefined}
              onChange={(event) => onChange(role.key, event.target.value as ProgramRole)}
            >
              {role.meaning === null && <option value="">Choose…</option>}
              {PROGRAM_ROLES.map((value) => (
                <option key={value} value={value}>
                  {PROGRAM_ROLE_LABELS[value]}
                </option>
              ))}
            </select>
          </td>
        </tr>
      ))}
    </Table>
  );
}
