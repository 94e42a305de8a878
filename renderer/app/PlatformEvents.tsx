import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { getPlatform } from '../platform/platform';
import { screenPrintHandler } from '../ui/print-handler';

/**
 * Follows the application menu: its screen commands navigate, backup and restore open the backup
 * screen, and Print prints the screen's printable view.
 */
export function PlatformEvents() {
  const navigate = useNavigate();
  useEffect(() => {
    const platform = getPlatform();
    const unsubscribers = [
      platform.on('menu:navigate', (path) => navigate(path)),
      platform.on('menu:backup', () => navigate('/backup')),
      platform.on('menu:restore', () => navigate('/backup')),
      // File → Print: the screen's printable view, laid out by the print styles (or drawn on demand).
      platform.on('menu:print', () => {
        const screenPrint = screenPrintHandler();
        if (screenPrint) {
          screenPrint();
          return;
        }
        platform.print().catch((error: unknown) => console.error('Printing failed', error));
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [navigate]);
  return null;
}
