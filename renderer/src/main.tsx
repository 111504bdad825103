import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installWebBridge } from './api/web-bridge';
import { App } from './app/App';
import './styles.css';

// In Electron the preload has already exposed window.api; in a browser served by the web host, build it.
installWebBridge();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
