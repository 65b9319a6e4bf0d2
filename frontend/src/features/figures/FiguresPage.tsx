import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Button, Choice, ErrorNotice, Field, Heading, Notice, PageTitle, Paragraph, ScrollRegion } from '../../components/ui';
import { ApiError } from '../../lib/api/error';
import { downloadCsv, useFigures, type Figures } from './api';
import { filtersFromParams, filtersToParams, formatRate, funnelBars, preset, presets, type Filters, type Rate } from './figures';
import { formatDate, formatHours, formatNumber } from '../../lib/format';
import { useFocusOnError } from '../../lib/useFocusOnError';
import { knownKinds, useKindLabel } from '../services';

/**
 * FiguresPage is Cijfers (accountmanagers and admins: the region) and, with own, Resultaten
 * (werkgevers and zorgaanbieders: their own openings, no organisation filter). Every chart has
 * its table; the filters live in the URL, so a view can be shared and reloaded.
 */
export function FiguresPage({ own = false }: { own?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params, !own);
  const figures = useFigures(filters);
  // The unfiltered figures of the period give the occupations and organisations to choose from.
  const base = useFigures({ ...filters, occupation: '', organisation: '', service: '' });
  const apply = (f: Filters) => setParams(filtersToParams(f));
  return (
    <>
      <PageTitle>{own ? t('figures.ownTitle') : t('figures.title')}</PageTitle>
      <Paragraph>{own ? t('figures.ownIntro') : t('figures.intro')}</Paragraph>
      <FilterForm key={params.toString()} filters={filters} own={own} base={base.data} error={figures.error} onApply={apply} />
      {figures.error && !(figures.error instanceof ApiError && figures.error.status === 400) && <ErrorNotice error={figures.error} />}
      {figures.isLoading ? <Skeleton /> : figures.data && <FiguresView f={figures.data} filters={filters} own={own} busy={figures.isFetching} />}
    </>
  );
}

function FilterForm({ filters, own, base, error, onApply }: { filters: Filters; own: boolean; base?: Figures; error: unknown; onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const [f, setF] = useState(filters);
  const set = (p: Partial<Filters>) => setF((v) => ({ ...v, ...p }));
  const err = error instanceof ApiError && error.status === 400 ? error : undefined;
  const codes: Record<string, string> = {};
  const messages: Record<string, string> = {};
  for (const p of err?.invalidParams ?? []) {
    const name = p.name.replace(/^query\./, '');
    if (!(name in codes)) {
      codes[name] = p.code;
      messages[name] = p.reason;
    }
  }
  const summary = useFocusOnError(err);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(f);
  };
  const withCurrent = (opts: { value: string; label: string }[], current: string) =>
    current && !opts.some((o) => o.value === current) ? [...opts, { value: current, label: current }] : opts;
  const occupations = withCurrent((base?.perOccupation ?? []).map((g) => ({ value: g.id, label: g.label })), f.occupation);
  const organisations = withCurrent((base?.perOrganisation ?? []).map((g) => ({ value: g.id, label: g.label })), f.organisation);
  return (
    <form onSubmit={submit} noValidate className="wh-form wh-form--wide" aria-label={t('figures.filters')}>
      <div ref={summary} tabIndex={-1} className="wh-focus-target">
        {err && <Notice type="error">{err.invalidParams.length ? t('figures.checkFields') : err.message}</Notice>}
      </div>
      <fieldset className="wh-fieldset">
        <legend>{t('figures.period')}</legend>
        <Paragraph className="wh-small">{t('figures.periodHelp')}</Paragraph>
        <div className="wh-actions">
          {presets.map((m) => (
            <Button key={m} secondary onClick={() => onApply({ ...f, ...preset(m) })}>
              {t('figures.lastMonths', { count: m })}
            </Button>
          ))}
        </div>
        <div className="wh-figures__dates">
          <Field label={t('figures.from')} name="from" type="date" value={f.from} onChange={(from) => set({ from })} error={codes.from} message={messages.from} />
          <Field label={t('figures.to')} name="to" type="date" value={f.to} onChange={(to) => set({ to })} error={codes.to} message={messages.to} />
        </div>
      </fieldset>
      <fieldset className="wh-fieldset">
        <legend>{t('figures.filters')}</legend>
        <Choice label={t('figures.occupation')} name="occupation" value={f.occupation} onChange={(occupation) => set({ occupation })} error={codes.occupation} message={messages.occupation}
          options={[{ value: '', label: t('figures.all') }, ...occupations]} />
        {!own && (
          <Choice label={t('figures.organisation')} name="organisation" value={f.organisation} onChange={(organisation) => set({ organisation })} error={codes.organisation} message={messages.organisation}
            options={[{ value: '', label: t('figures.all') }, ...organisations]} />
        )}
        <Choice label={t('figures.service')} name="service" value={f.service} onChange={(service) => set({ service })} error={codes.service} message={messages.service}
          options={[{ value: '', label: t('figures.allServices') }, ...withCurrent(knownKinds.map((k) => ({ value: k, label: kindLabel(k) })), f.service)]} />
      </fieldset>
      <div className="wh-actions">
        <Button type="submit">{t('figures.show')}</Button>
      </div>
    </form>
  );
}

/** Skeleton holds the place of the chart and tables while the first answer loads: nothing jumps. */
function Skeleton() {
  const { t } = useTranslation();
  return (
    <div className="wh-figures__skeleton" role="status">
      <span className="wh-visually-hidden">{t('common.loading')}</span>
    </div>
  );
}

function FiguresView({ f, filters, own, busy }: { f: Figures; filters: Filters; own: boolean; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const kindLabel = useKindLabel();
  const [downloading, setDownloading] = useState(false);
  const [csvError, setCsvError] = useState<unknown>();
  const download = async () => {
    setDownloading(true);
    setCsvError(undefined);
    try {
      await downloadCsv(filters);
    } catch (e) {
      setCsvError(e);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <div className="wh-figures" aria-busy={busy}>
      <Paragraph>{t('figures.cohort', { from: formatDate(f.from, i18n.language), to: formatDate(f.to, i18n.language) })}</Paragraph>
      <div className="wh-actions">
        <Button secondary onClick={download} disabled={downloading}>
          {t('figures.downloadCsv')}
        </Button>
      </div>
      {csvError !== undefined && <ErrorNotice error={csvError} />}
      <Funnel f={f} />
      <section aria-labelledby="fig-rates">
        <Heading level={2} id="fig-rates">
          {t('figures.ratesTitle')}
        </Heading>
        <Paragraph className="wh-small">{t('figures.ratesHelp')}</Paragraph>
        <RatesTable caption={t('figures.ratesCaption')} rates={f.rates} />
      </section>
      <section aria-labelledby="fig-times">
        <Heading level={2} id="fig-times">
          {t('figures.timesTitle')}
        </Heading>
        <ScrollRegion label={t('figures.timesCaption')}>
          <Table className="wh-table--compact">
            <caption>{t('figures.timesCaption')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('figures.step')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('figures.n')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('figures.median')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('figures.p90')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {f.times.map((d) => (
                <TableRow key={d.name}>
                  <TableHeaderCell scope="row">{t(`figures.times.${d.name}`)}</TableHeaderCell>
                  <TableCell>{d.n}</TableCell>
                  <TableCell>{formatHours(t, d.medianHours, i18n.language)}</TableCell>
                  <TableCell>{formatHours(t, d.p90Hours, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      </section>
      <section aria-labelledby="fig-services">
        <Heading level={2} id="fig-services">
          {t('figures.servicesTitle')}
        </Heading>
        <Paragraph>{t('figures.servicesHelp')}</Paragraph>
        {f.perService.length === 0 ? (
          <Paragraph>{t('figures.noServices')}</Paragraph>
        ) : (
          <ScrollRegion label={t('figures.servicesCaption')}>
            <Table className="wh-table--compact">
              <caption>{t('figures.servicesCaption')}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('figures.group')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('figures.placements')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('figures.retention13')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('figures.retention26')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {f.perService.map((g) => (
                  <TableRow key={`${g.service}-${g.withService}`}>
                    <TableHeaderCell scope="row">
                      {t(g.withService ? 'figures.withService' : 'figures.withoutService', { service: kindLabel(g.service) })}
                    </TableHeaderCell>
                    <TableCell>{g.placements}</TableCell>
                    <TableCell>
                      <RateText r={g.retention13w} />
                    </TableCell>
                    <TableCell>
                      <RateText r={g.retention26w} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </ScrollRegion>
        )}
      </section>
      <Groups id="fig-occupations" title={t('figures.perOccupation')} groups={f.perOccupation} />
      {!own && <Groups id="fig-organisations" title={t('figures.perOrganisation')} groups={f.perOrganisation} />}
    </div>
  );
}

/** Funnel is the chart, a picture of the table beside it: the table holds every number. */
function Funnel({ f }: { f: Figures }) {
  const { t, i18n } = useTranslation();
  const bars = funnelBars(f.funnel);
  const rowH = 28;
  const labelW = 270;
  const width = 320;
  return (
    <section aria-labelledby="fig-funnel">
      <Heading level={2} id="fig-funnel">
        {t('figures.funnelTitle')}
      </Heading>
      <div className="wh-figures__funnel">
        <figure className="wh-figures__chart">
          <svg role="img" aria-labelledby="fig-chart-label" viewBox={`0 0 ${labelW + width + 70} ${bars.length * rowH}`} width="100%" preserveAspectRatio="xMinYMin meet">
            <title id="fig-chart-label">{t('figures.chartLabel')}</title>
            {bars.map((b, i) => (
              <g key={b.stage} transform={`translate(${labelW}, ${i * rowH})`}>
                <text x={-8} y={rowH / 2 + 5} textAnchor="end" className="wh-bar__label">
                  {t(`figures.stages.${b.stage}`)}
                </text>
                <rect x={0} y={4} height={rowH - 8} width={Math.max(b.count > 0 ? 2 : 0, b.share * width)} className={i < 6 ? 'wh-bar' : 'wh-bar wh-bar--retention'} />
                <text x={Math.max(b.count > 0 ? 2 : 0, b.share * width) + 6} y={rowH / 2 + 5} className="wh-bar__value">
                  {formatNumber(b.count, i18n.language)}
                </text>
              </g>
            ))}
          </svg>
          <figcaption className="wh-small">{t('figures.chartCaption')}</figcaption>
        </figure>
        <ScrollRegion label={t('figures.funnelCaption')}>
          <Table className="wh-table--compact">
            <caption>{t('figures.funnelCaption')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('figures.stage')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('figures.count')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {bars.map((b) => (
                <TableRow key={b.stage}>
                  <TableHeaderCell scope="row">{t(`figures.stages.${b.stage}`)}</TableHeaderCell>
                  <TableCell>
                    {formatNumber(b.count, i18n.language)}
                    {b.stage.startsWith('stillEmployed') && (
                      <span className="wh-small"> {t('figures.ofDue', { due: (f.funnel as unknown as Record<string, { due: number }>)[b.stage].due })}</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableHeaderCell scope="row">{t('figures.stages.invitesDeclined')}</TableHeaderCell>
                <TableCell>{formatNumber(f.funnel.invitesDeclined, i18n.language)}</TableCell>
              </TableRow>
              <TableRow>
                <TableHeaderCell scope="row">{t('figures.stages.invitesExpired')}</TableHeaderCell>
                <TableCell>{formatNumber(f.funnel.invitesExpired, i18n.language)}</TableCell>
              </TableRow>
            </TableBody>
          </Table>
        </ScrollRegion>
      </div>
    </section>
  );
}

function RateText({ r }: { r: Rate }) {
  const { t, i18n } = useTranslation();
  const { text, small } = formatRate(t, r, i18n.language);
  return (
    <>
      {text}
      {small && <strong className="wh-figures__small"> {t('figures.smallN')}</strong>}
    </>
  );
}

type RateRow = Rate & { from: string; to: string };

function RatesTable({ caption, rates }: { caption: string; rates: RateRow[] }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={caption}>
      <Table className="wh-table--compact">
        <caption>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('figures.transition')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('figures.rateCol')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rates.map((r) => (
            <TableRow key={`${r.from}-${r.to}`}>
              <TableHeaderCell scope="row">{t('figures.fromTo', { from: t(`figures.stages.${r.from}`), to: t(`figures.stages.${r.to}`) })}</TableHeaderCell>
              <TableCell>
                <RateText r={r} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function Groups({ id, title, groups }: { id: string; title: string; groups: Figures['perOccupation'] }) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (groups.length === 0) body = <Paragraph>{t('figures.noGroups')}</Paragraph>;
  else
    body = (
      <ScrollRegion label={title}>
        <Table className="wh-table--compact">
          <caption>{title}</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('figures.group')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('figures.stages.openingsPublished')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('figures.stages.invitesSent')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('figures.stages.placements')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('figures.acceptRate')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {groups.map((g) => {
              const accepted = g.rates.find((r) => r.from === 'invitesSent' && r.to === 'invitesAccepted');
              return (
                <TableRow key={g.id}>
                  <TableHeaderCell scope="row">{g.label}</TableHeaderCell>
                  <TableCell>{g.funnel.openingsPublished}</TableCell>
                  <TableCell>{g.funnel.invitesSent}</TableCell>
                  <TableCell>{g.funnel.placements}</TableCell>
                  <TableCell>{accepted ? <RateText r={accepted} /> : '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    );
  return (
    <section aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {body}
    </section>
  );
}
