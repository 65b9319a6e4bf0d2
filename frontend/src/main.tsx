import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './theme/base';
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
