import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * 长辈模式 (elderly mode): larger text, higher contrast, underlined links and big targets, chosen by the visitor and
 * remembered in this browser. The theme reads `on` (app.tsx); the page's CSS reads the `elderly` class on <html>.
 */
interface ElderlyMode {
  on: boolean;
  toggle: () => void;
}

const KEY = 'sutiao.elderly';
const Context = createContext<ElderlyMode>({ on: false, toggle: () => {} });

function stored(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function ElderlyModeProvider({ children }: { children: ReactNode }) {
  const [on, setOn] = useState(stored);
  useEffect(() => {
    document.documentElement.classList.toggle('elderly', on);
    try {
      window.localStorage.setItem(KEY, on ? '1' : '0');
    } catch {
      // Private windows may refuse storage: the mode then lasts for this visit.
    }
  }, [on]);
  const toggle = useCallback(() => setOn((v) => !v), []);
  const value = useMemo(() => ({ on, toggle }), [on, toggle]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export const useElderlyMode = () => useContext(Context);
