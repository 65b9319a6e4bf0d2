import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Textbox } from '@utrecht/component-library-react';
import { FieldFrame } from './index';

export type ComboOption = { id: string; label: string; hint?: string };

type ComboboxProps = {
  label: string;
  name: string;
  /** text is what the user typed. */
  text: string;
  onText: (v: string) => void;
  options: ComboOption[];
  onSelect: (o: ComboOption) => void;
  description?: string;
  error?: string;
  message?: string;
  /** status is announced to screen readers (e.g. "5 resultaten"). */
  status?: string;
  /** clearOnBlur empties text that was not picked when the focus leaves (pickers whose choices show as chips). */
  clearOnBlur?: boolean;
};

/**
 * Combobox is an input with a list of suggestions (WAI-ARIA 1.2 combobox
 * pattern): arrow keys move through the list, Enter picks (the only suggestion, when there is one) and
 * never submits the form around it, Escape closes.
 */
export function Combobox({ label, name, text, onText, options, onSelect, description, error, message, status, clearOnBlur }: ComboboxProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const expanded = open && options.length > 0;

  const pick = (o: ComboOption) => {
    onSelect(o);
    setOpen(false);
    setActive(-1);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter in a search field chooses; it does not send the whole form half filled in.
      e.preventDefault();
      if (expanded && active >= 0) pick(options[active]);
      else if (options.length === 1) pick(options[0]);
      else setOpen(true);
    } else if (e.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <FieldFrame label={label} description={description ?? t('combobox.help')} error={error} message={message} className="wh-combobox"
      after={<p className="wh-visually-hidden" role="status">{open ? status : ''}</p>}>
      {({ id, describedBy }) => (
        <>
          <Textbox
            id={id}
            name={name}
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={`${id}-list`}
            aria-activedescendant={expanded && active >= 0 ? `${id}-list-${active}` : undefined}
            aria-describedby={describedBy}
            invalid={!!error}
            value={text}
            onChange={(e) => {
              onText(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              if (clearOnBlur && text) onText('');
            }}
            onKeyDown={onKeyDown}
          />
          <div id={`${id}-list`} role="listbox" aria-label={label} className="wh-combobox__list" hidden={!expanded}>
            {options.map((o, i) => (
              <div
                key={o.id}
                id={`${id}-list-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className="wh-combobox__option"
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(o);
                }}
              >
                {o.label}
                {o.hint && <span className="wh-combobox__hint"> — {o.hint}</span>}
              </div>
            ))}
          </div>
        </>
      )}
    </FieldFrame>
  );
}
