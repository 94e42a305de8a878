import { getDb } from '../db';
import { clinicAgeRecipient } from '../lock/keyring';
import { isOpen, onLockChange } from '../lock/session';

// What automatic backups need to know of the clinic lock: the public age recipient they are encrypted
// to (null without a lock), and whether the clinic is open, since a backup holds the notes in the clear
// inside its encryption and so can only be made while unlocked.

export function autoBackupRecipient(): Promise<string | null> {
  return clinicAgeRecipient(getDb().name);
}

/** True without a lock, or while unlocked. */
export function isClinicOpen(): boolean {
  return isOpen();
}

/** Called on every lock change (locked, unlocked, turned on or off). Returns the unsubscribe. */
export function onClinicLockChange(listener: () => void): () => void {
  return onLockChange(listener);
}

/** Called each time the clinic becomes open (unlocked). Returns the unsubscribe. */
export function onClinicUnlock(listener: () => void): () => void {
  let wasOpen = isOpen();
  return onLockChange(() => {
    const open = isOpen();
    if (open && !wasOpen) listener();
    wasOpen = open;
  });
}
