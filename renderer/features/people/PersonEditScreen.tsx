import { useNavigate, useParams } from 'react-router';
import { usePerson } from '../../hooks/usePeople';
import { Loading } from '../../ui/Loading';
import { NotFound } from '../../ui/NotFound';
import { PageHeader } from '../../ui/PageHeader';
import { PersonForm } from './PersonForm';

/** Adds a person (/people/new) or edits one (/people/:personId/edit). */
export function PersonEditScreen() {
  const { personId } = useParams();
  const navigate = useNavigate();
  const person = usePerson(personId);

  if (personId && person === undefined) return <Loading />;
  if (personId && person === null) return <NotFound what="person" />;
  return (
    <>
      <PageHeader title={person ? `Edit ${person.name}` : 'Add a person'} />
      <PersonForm
        key={person?.id ?? 'new'}
        person={person ?? null}
        onSaved={(saved) => navigate(`/people/${saved.id}`)}
        onCancel={() => navigate(person ? `/people/${person.id}` : '/people')}
      />
    </>
  );
}
