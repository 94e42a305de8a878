import { useDeferredValue, useState } from 'react';
import { Link } from 'react-router';
import { PROFESSION_LABELS, PROFESSIONS, type Profession } from '../../domain/types';
import { ButtonLink } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { CheckboxField, SelectField, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { ShowMore, useListLimit } from '../../ui/ShowMore';
import { Table } from '../../ui/Table';
import { NO_FILTER, type PeopleFilter, type RoleFilter, roleLabel } from './filter-people';
import { PeopleExportActions } from './PeopleExportActions';
import { BY_NAME, nextSort, PEOPLE_COLUMNS, type PeopleSort } from './sort-people';
import { readWholePeopleList, usePeopleList } from './usePeopleList';

const PROFESSION_OPTIONS = PROFESSIONS.map((value) => ({ value, label: PROFESSION_LABELS[value] }));
const ROLE_OPTIONS = [
  { value: 'all', label: 'Everyone' },
  { value: 'mentors', label: 'Mentors' },
  { value: 'mentees', label: 'Mentees' },
  { value: 'mentees-without-mentor', label: 'Mentees without a mentor' },
  { value: 'mentors-with-room', label: 'Mentors with room' },
];

export function PeopleScreen() {
  const [filter, setFilter] = useState<PeopleFilter>(NO_FILTER);
  const [sort, setSort] = useState<PeopleSort>(BY_NAME);
  // Typing stays quick in a large clinic: the list catches up a moment after the keys.
  const deferredFilter = useDeferredValue(filter);
  const [limit, showMore] = useListLimit(JSON.stringify([deferredFilter, sort]));
  // Only the rows shown are read (a page of the name index); more are read on "Show more".
  const view = usePeopleList(deferredFilter, sort, limit);
  // The rows shown are behind what was chosen: a filter still deferred, or a new order or page being read.
  const updating = !!view && (!view.current || deferredFilter !== filter);
  const change = (changes: Partial<PeopleFilter>) => setFilter((current) => ({ ...current, ...changes }));

  return (
    <>
      <PageHeader
        title="People"
        actions={
          <>
            <ButtonLink to="/people/new" variant="primary">
              Add a person
            </ButtonLink>
            <ButtonLink to="/import">Import a roster (Excel or CSV)</ButtonLink>
          </>
        }
      />
      {/* Loads arrive with the people, so no mentor is ever shown with a load of 0 while it is counted. */}
      {!view ? (
        <Loading what="Loading people" />
      ) : view.total === 0 ? (
        <EmptyState title="Nobody is here yet.">
          <p>
            Add your mentors and mentees one by one, or import your staff list from an Excel workbook or a CSV
            file.
          </p>
        </EmptyState>
      ) : (
        <>
          <search className="filters" aria-label="Find people">
            <TextField
              label="Search"
              type="search"
              value={filter.search}
              onChange={(search) => change({ search })}
              hint="The start of any word of a name, e-mail, specialty or tag: “mar” finds Martin"
            />
            <SelectField
              label="Profession"
              value={filter.profession}
              onChange={(value) => change({ profession: value as Profession | '' })}
              options={PROFESSION_OPTIONS}
              placeholder="All professions"
            />
            <SelectField
              label="Role"
              value={filter.role}
              onChange={(value) => change({ role: value as RoleFilter })}
              options={ROLE_OPTIONS}
            />
            <CheckboxField
              label="Show archived people"
              checked={filter.showArchived}
              onChange={(showArchived) => change({ showArchived })}
            />
          </search>
          <p role="status" className="muted" aria-busy={updating || undefined}>
            Showing {view.people.length} of {view.total} {view.total === 1 ? 'person' : 'people'}.
          </p>
          {view.people.length === 0 ? (
            <EmptyState title="Nobody matches.">Try fewer words, or clear the filters.</EmptyState>
          ) : (
            <Table
              caption="People"
              hideCaption
              headers={PEOPLE_COLUMNS}
              sort={{ ...sort, onSort: (column) => setSort((current) => nextSort(current, column)) }}
              busy={updating}
            >
              {view.people.map((person) => (
                <tr key={person.id}>
                  <td>
                    <Link to={`/people/${person.id}`}>{person.name}</Link>
                    {person.archived && <span className="badge"> Archived</span>}
                  </td>
                  <td>{PROFESSION_LABELS[person.profession]}</td>
                  <td>{person.specialty || '—'}</td>
                  <td>
                    {roleLabel(person)}
                    {person.isMentor && (
                      <div className="muted">
                        mentors {view.loads.get(person.id) ?? 0} of {person.mentorCapacity}
                      </div>
                    )}
                  </td>
                  <td>{person.tags.join(', ') || '—'}</td>
                </tr>
              ))}
            </Table>
          )}
          {view.people.length > 0 && (
            <>
              <ShowMore
                shown={view.people.length}
                total={null}
                more={view.hasMore}
                onMore={showMore}
                what="people"
              />
              <PeopleExportActions load={() => readWholePeopleList(deferredFilter, sort)} />
            </>
          )}
        </>
      )}
    </>
  );
}
