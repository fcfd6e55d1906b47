import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../app/i18n';
import '../ui/styles.css';
import '../reports/reports.css';
import './hub.css';
import { HubApp } from './HubApp';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HubApp />
  </StrictMode>,
);
