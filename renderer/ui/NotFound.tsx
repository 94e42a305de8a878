import { ButtonLink } from './Button';
import { PageHeader } from './PageHeader';

/** Shown for a link to a screen or a record that does not exist (any more). */
export function NotFound({ what = 'page' }: { what?: string }) {
  return (
    <>
      <PageHeader title={`This ${what} does not exist`} />
      <p>The link may be out of date, or the record it pointed to was removed.</p>
      <ButtonLink to="/" variant="primary">
        Back to the dashboard
      </ButtonLink>
    </>
  );
}
