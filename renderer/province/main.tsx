import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hubTexts } from '#shared/i18n/hub-resources';
import { byLanguage } from '#shared/i18n/languages';
import { i18n, loadStaffTexts } from '../app/i18n';
import '../ui/styles.css';
import '../reports/reports.css';
import './hub.css';
import { HubApp } from './HubApp';

// The hub's own texts and the staff texts it shares (reports, vocabulary), before the first screen.
for (const [lng, bundles] of Object.entries(byLanguage(hubTexts))) {
  for (const [ns, texts] of Object.entries(bundles)) i18n.addResourceBundle(lng, ns, texts, true, true);
}
void loadStaffTexts().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <HubApp />
    </StrictMode>,
  );
});
