import { useEffect, useState } from 'react';
import { getPlatform } from '../../platform/platform';

export interface AppInfo {
  version: string;
  platform: string;
}

/** The app's version and platform, asked once of the platform layer; null while it answers. */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    getPlatform()
      .getInfo()
      .then(({ version, platform }) => {
        if (live) setInfo({ version, platform });
      })
      .catch((error: unknown) => console.error('Could not read the app version', error));
    return () => {
      live = false;
    };
  }, []);
  return info;
}
