import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
// The CSS of the Utrecht components Werkhaven renders, and no other (the library's bundle of all
// of them was six times as large). A component taken into use needs its line here.
import '@utrecht/action-group-css/dist/index.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-group-css/dist/index.css';
import '@utrecht/button-link-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/custom-checkbox-css/dist/index.css';
import '@utrecht/document-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-fieldset-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/page-content-css/dist/index.css';
import '@utrecht/page-footer-css/dist/index.css';
import '@utrecht/page-header-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/radio-button-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/status-badge-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@nl-design-system-candidate/heading-css/heading.css';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import '@nl-design-system-candidate/skip-link-css/skip-link.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './theme/werkhaven-theme.css';
import './main.css';
import { ready } from './i18n';
import { App } from './app/App';
import { prefetchRoute } from './app/prefetch';
import { ApiError } from './lib/api/error';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors do not get better by retrying.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

// The session and the opening page's first data are asked now, beside the page's code (lib/prefetch.ts).
prefetchRoute(queryClient, window.location);

// The interface language's core texts are in before the first render (at once for Dutch).
void ready.then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
