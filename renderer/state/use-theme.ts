import { useEffect } from 'react';
import type { Theme } from '../../common/settings';

/** Applies the theme setting: "system" leaves the OS's light or dark to the stylesheet's media query. */
export function useTheme(theme: Theme): void {
  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }, [theme]);
}
