import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { ElderlyModeProvider } from './elderly-mode.tsx';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <ElderlyModeProvider>
      <App />
    </ElderlyModeProvider>
  </StrictMode>,
);
