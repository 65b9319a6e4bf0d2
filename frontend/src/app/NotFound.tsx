import { NotFoundPage } from '../components/ui';

/** NotFound is the page of a path the app does not know; the server answers it with 404. */
export function NotFound() {
  return <NotFoundPage />;
}
