import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { getPlatform } from '../platform/platform';

/** Follows the application menu: its screen commands navigate, backup and restore open the backup screen. */
export function PlatformEvents() {
  const navigate = useNavigate();
  useEffect(() => {
    const platform = getPlatform();
    const unsubscribers = [
      platform.on('menu:navigate', (path) => navigate(path)),
      platform.on('menu:backup', () => navigate('/backup')),
      platform.on('menu:restore', () => navigate('/backup')),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [navigate]);
  return null;
}
