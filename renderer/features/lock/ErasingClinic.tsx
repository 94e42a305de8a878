import { useEffect, useRef } from 'react';
import { Button } from '../../ui/Button';
import { FormError } from '../../ui/Field';
import { WorkProgress } from '../../ui/WorkProgress';
import { useErasing } from './useEraseClinic';

/** The sealed text being erased (just confirmed, or carried on at the next start): the app opens after. */
export function ErasingClinic() {
  const { progress, failed, retry } = useErasing();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="form">
      <h1 ref={headingRef} tabIndex={-1}>
        Erasing the sealed text
      </h1>
      <p>
        Every sealed note, answer and reason is being emptied; names, pairings, dates and counts stay. If the
        app is closed now, it carries on the next time it opens. The clinic opens when it is done.
      </p>
      <WorkProgress label="Erasing the sealed text" done={progress?.done ?? 0} total={progress?.total ?? 0} />
      <FormError message={failed} />
      {failed && (
        <Button variant="primary" onClick={retry}>
          Try again
        </Button>
      )}
    </div>
  );
}
