import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField, FormLabel, Textbox } from '@utrecht/component-library-react';
import { Button, Choice } from './ui';

/**
 * ListSearch is a list's search field: the search starts on Enter or the button (not on every key), so a screen
 * reader hears the new count once. Its text follows value when the address changes (back, a link).
 */
export function ListSearch({ label, value, onSearch }: { label: string; value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="wh-list-search" onSubmit={submit}>
      <FormField>
        <FormLabel htmlFor={id}>{label}</FormLabel>
        <div className="wh-list-search__row">
          <Textbox id={id} type="search" name="q" value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
          <Button type="submit" secondary>
            {t('list.search')}
          </Button>
        </div>
      </FormField>
    </form>
  );
}

/** ListSort is a list's sort choice; values are the API's sort parameter (e.g. -updatedAt). */
export function ListSort({ value, onChange, options }: { value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  return <Choice label={t('list.sort')} name="sort" value={value} onChange={onChange} options={options} />;
}

/**
 * ListPager announces how many items the list holds (a live region, so a search or filter is heard) and pages
 * through them. Its buttons stay focusable at the first and last page (aria-disabled), so the focus stays on the
 * button that was pressed.
 */
export function ListPager({ page, totalPages, total, onPage }: { page: number; totalPages: number; total: number | undefined; onPage: (p: number) => void }) {
  const { t } = useTranslation();
  const pages = Math.max(totalPages, 1);
  const step = (to: number, allowed: boolean) => ({
    type: 'button' as const,
    className: 'utrecht-button utrecht-button--secondary-action',
    'aria-disabled': !allowed || undefined,
    ...(allowed ? {} : { className: 'utrecht-button utrecht-button--secondary-action utrecht-button--disabled' }),
    onClick: () => allowed && onPage(to),
  });
  return (
    <div className="wh-list-pager">
      <p role="status" className="wh-list-pager__count">
        {total === undefined ? '' : t('list.count', { count: total })}
      </p>
      {pages > 1 && (
        <nav aria-label={t('list.pages')} className="wh-list-pager__nav">
          <button {...step(page - 1, page > 1)}>{t('list.previous')}</button>
          <span>{t('list.page', { page: Math.min(page, pages), pages })}</span>
          <button {...step(page + 1, page < pages)}>{t('list.next')}</button>
        </nav>
      )}
    </div>
  );
}

/** ListDownload is a list's CSV download button, with what the file holds and a message when it fails. */
export function ListDownload({ onDownload, note }: { onDownload: () => Promise<void>; note?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const noteId = useId();
  const click = async () => {
    setState('busy');
    try {
      await onDownload();
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="wh-list-download">
      <Button secondary onClick={() => void click()} disabled={state === 'busy'} describedBy={note ? noteId : undefined}>
        {state === 'busy' ? t('list.downloading') : t('list.download')}
      </Button>
      {note && (
        <p id={noteId} className="wh-small">
          {note}
        </p>
      )}
      <div role="alert">{state === 'failed' ? t('list.downloadFailed') : ''}</div>
    </div>
  );
}
