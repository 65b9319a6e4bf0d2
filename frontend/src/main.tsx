import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '@utrecht/component-library-css/dist/index.css';
import '@nl-design-system-candidate/heading-css/heading.css';
import '@nl-design-system-candidate/paragraph-css/paragraph.css';
import '@nl-design-system-candidate/skip-link-css/skip-link.css';
import '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css';
import './theme/werkhaven-theme.css';
import './main.css';
import './i18n';
import { App } from './app/App';
import { ApiError } from './lib/api/error';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Client errors do not get better by retrying.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
