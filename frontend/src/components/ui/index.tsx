// Werkhaven's few wrappers over the NL Design System (Utrecht) components:
// features use these, so a component swap happens in one place.
import type { ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as UButton, Checkbox, FormLabel, Select, SelectOption, StatusBadge, Textarea } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { ApiError } from '../../lib/api/error';
import { ErrorNotice, FieldFrame, Heading, PageTitle, Paragraph } from './core';

export * from './core';
export { StatusBadge };
export { ChoiceGroup } from './ChoiceGroup';

type ChoiceProps = {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string;
  message?: string;
};

/** Choice is a labelled select. */
export function Choice({ label, name, value, onChange, options, error, message }: ChoiceProps) {
  return (
    <FieldFrame label={label} error={error} message={message}>
      {({ id, describedBy }) => (
        <Select id={id} name={name} value={value} invalid={!!error} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </FieldFrame>
  );
}

/**
 * NotFoundPage is the page of an address that leads nowhere: an unknown path,
 * or an object that does not exist (or is not the user's to see: the API
 * answers 404 for another organisation's or region's objects).
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Paragraph>{t('notFound.text')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('notFound.home')}</Link>
      </Paragraph>
    </>
  );
}

/** DataState renders loading and error states around a data view; a 404 is the not-found page. */
export function DataState({ isLoading, error, children }: { isLoading: boolean; error: unknown; children: ReactNode }) {
  const { t } = useTranslation();
  if (isLoading) return <Paragraph role="status">{t('common.loading')}</Paragraph>;
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage />;
  if (error) return <ErrorNotice error={error} />;
  return <>{children}</>;
}

type TextAreaProps = {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  message?: string;
  description?: string;
  maxLength?: number;
  after?: ReactNode;
};

/** TextArea is a labelled multi-line plain text input with a character count. */
export function TextArea({ label, name, value, onChange, error, message, description, maxLength, after }: TextAreaProps) {
  const { t } = useTranslation();
  const help = [description, maxLength ? t('common.chars', { n: value.length, max: maxLength }) : ''].filter(Boolean).join(' ');
  return (
    <FieldFrame label={label} description={help} error={error} message={message} after={after}>
      {({ id, describedBy }) => (
        <Textarea id={id} name={name} value={value} rows={6} invalid={!!error} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldFrame>
  );
}

/** CheckboxField is one labelled checkbox (a yes/no choice), with an optional description. */
export function CheckboxField({ label, name, checked, onChange, description }: { label: string; name: string; checked: boolean; onChange: (v: boolean) => void; description?: string }) {
  const id = useId();
  return (
    <div className="wh-checkbox">
      <Checkbox id={id} name={name} checked={checked} aria-describedby={description ? `${id}-desc` : undefined} onChange={(e) => onChange(e.target.checked)} />
      <FormLabel htmlFor={id} type="checkbox">
        {label}
      </FormLabel>
      {description && (
        <span id={`${id}-desc`} className="wh-small">
          {description}
        </span>
      )}
    </div>
  );
}

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
};

/**
 * Dialog is a modal dialog on the native <dialog> element: the browser traps
 * the focus inside, Escape closes it, and the focus returns to where it was.
 */
export function Dialog({ open, onClose, title, children }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      // jsdom has no showModal; the open attribute is the same for a test.
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="wh-dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <div className="wh-dialog__bar">
            <Heading level={2} id={`${id}-title`}>
              {title}
            </Heading>
            <UButton appearance="subtle-button" onClick={onClose}>
              {t('common.close')}
            </UButton>
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}

/**
 * ScrollRegion holds content that may be wider than the screen (a table on a phone): it scrolls
 * sideways and takes keyboard focus, named label, so it can be scrolled without a mouse.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="wh-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
