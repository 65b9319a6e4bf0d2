import { Navigate, Route, Routes, useLocation } from 'react-router';
import { isValidElement, lazy, useDeferredValue, useEffect, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { useSession, type Role } from '../lib/session';
import { DataState } from '../components/ui';
import { toSignIn } from './Shell';
import { addTexts, loadLanguage, type PageTexts } from '../i18n';

type Page<C extends ComponentType<any>> = LazyExoticComponent<C> & { preload: () => Promise<unknown> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- a page's props differ per page

/**
 * page loads a page component on first use: every page module is its own chunk (with what only it
 * uses), so the sign-in page does not load the code of every other page. With it come its texts: in
 * the build only the text groups the page's code names (texts, added to each call by vite.config.ts),
 * else all texts of the language (the first script has only the shell's). Layout shows a status line
 * meanwhile.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a page's props differ per page
function page<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K, texts?: PageTexts): Page<M[K]> {
  let loading: Promise<{ default: M[K] }> | undefined;
  const preload = () =>
    (loading ??= Promise.all([load(), texts ? addTexts(texts) : loadLanguage()]).then(
      ([module]) => ({ default: module[name] }),
      (err) => {
        loading = undefined; // a failed download is tried again on the next visit
        throw err;
      },
    ));
  return Object.assign(lazy(preload), { preload });
}

/** preload starts loading a lazy page's code (once) while the session is still being asked. */
function preload(children: ReactNode) {
  const type = isValidElement(children) ? (children.type as Partial<Page<ComponentType>>) : undefined;
  void type?.preload?.();
}

const ForgotPassword = page(() => import('../features/auth/TokenPages'), 'ForgotPassword');
const ResetPassword = page(() => import('../features/auth/TokenPages'), 'ResetPassword');
const AcceptInvitation = page(() => import('../features/auth/TokenPages'), 'AcceptInvitation');
const MagicLinkRequest = page(() => import('../features/auth/TokenPages'), 'MagicLinkRequest');
const MagicLinkLanding = page(() => import('../features/auth/TokenPages'), 'MagicLinkLanding');
const SignUp = page(() => import('../features/signup/SignUp'), 'SignUp');
const ConfirmSignUp = page(() => import('../features/signup/SignUp'), 'ConfirmSignUp');
const Queue = page(() => import('../features/signup/Queue'), 'Queue');
const Users = page(() => import('../features/admin/Users'), 'Users');
const Organisations = page(() => import('../features/admin/Organisations'), 'Organisations');
const Regions = page(() => import('../features/admin/Regions'), 'Regions');
const AuditLog = page(() => import('../features/admin/AuditLog'), 'AuditLog');
const Home = page(() => import('../features/home/Home'), 'Home');
const PlatformRegions = page(() => import('../features/admin/PlatformRegions'), 'PlatformRegions');
const HowRankingWorks = page(() => import('../features/home/HowRankingWorks'), 'HowRankingWorks');
const OpeningsList = page(() => import('../features/openings/OpeningsList'), 'OpeningsList');
const OpeningPage = page(() => import('../features/openings/OpeningPage'), 'OpeningPage');
const OpeningFormPage = page(() => import('../features/openings/OpeningForm'), 'OpeningFormPage');
const OpeningPool = page(() => import('../features/openings/Pool'), 'OpeningPool');
const Portfolio = page(() => import('../features/portfolio/Portfolio'), 'Portfolio');
const OrganisationPage = page(() => import('../features/portfolio/OrganisationPage'), 'OrganisationPage');
const MyOrganisation = page(() => import('../features/portfolio/ProfileForm'), 'MyOrganisation');
const Caseload = page(() => import('../features/candidates/Caseload'), 'Caseload');
const CandidatePage = page(() => import('../features/candidates/CandidatePage'), 'CandidatePage');
const NewCandidate = page(() => import('../features/candidates/ProfileForm'), 'NewCandidate');
const ConfirmLanding = page(() => import('../features/candidates/MyData'), 'ConfirmLanding');
const MyData = page(() => import('../features/candidates/MyData'), 'MyData');
const SharingLinkPage = page(() => import('../features/candidates/Sharing'), 'SharingLinkPage');
const MyDataExport = page(() => import('../features/candidates/MyDataExport'), 'MyDataExport');
const OpeningInvites = page(() => import('../features/openings/InvitesBoard'), 'OpeningInvites');
const InviteIntroduction = page(() => import('../features/openings/Introduction'), 'InviteIntroduction');
const MyInvite = page(() => import('../features/invites/MyInvites'), 'MyInvite');
const MyInvites = page(() => import('../features/invites/MyInvites'), 'MyInvites');
const InviteLinkPage = page(() => import('../features/invites/InviteLink'), 'InviteLinkPage');
const FollowUps = page(() => import('../features/followups/FollowUps'), 'FollowUps');
const Notifications = page(() => import('../features/notifications/Notifications'), 'Notifications');
const Catalogue = page(() => import('../features/services/Catalogue'), 'Catalogue');
const BookService = page(() => import('../features/services/BookService'), 'BookService');
const Agenda = page(() => import('../features/services/Bookings'), 'Agenda');
const Bookings = page(() => import('../features/services/Bookings'), 'Bookings');
const ProviderWork = page(() => import('../features/services/Bookings'), 'ProviderWork');
const InvoicePage = page(() => import('../features/services/Invoices'), 'InvoicePage');
const Payouts = page(() => import('../features/services/Invoices'), 'Payouts');
const BookingPage = page(() => import('../features/services/BookingPage'), 'BookingPage');
const Applications = page(() => import('../features/subsidies/Applications'), 'Applications');
const ApplicationPage = page(() => import('../features/subsidies/ApplicationPage'), 'ApplicationPage');
const ApplyForm = page(() => import('../features/subsidies/ApplyForm'), 'ApplyForm');
const ServiceAdmin = page(() => import('../features/services/ServiceEditor'), 'ServiceAdmin');
const ServiceEdit = page(() => import('../features/services/ServiceEditor'), 'ServiceEdit');
const Relations = page(() => import('../features/occupations/Relations'), 'Relations');
const Subsidies = page(() => import('../features/subsidies/Subsidies'), 'Subsidies');
const ParametersAdmin = page(() => import('../features/subsidies/ParametersAdmin'), 'ParametersAdmin');
const FiguresPage = page(() => import('../features/figures/FiguresPage'), 'FiguresPage');
const Messages = page(() => import('../features/messages/Messages'), 'Messages');

const openingRoles: Role[] = ['werkgever', 'zorgaanbieder', 'accountmanager', 'admin'];

/** RequireRole shows children to signed-in users with one of roles. */
function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const session = useSession();
  // The page behind the session renders in a transition, which React cuts into short tasks: on a slow
  // phone a page's first render (a pool's twenty cards) would otherwise block the main thread for
  // a few hundred milliseconds in one go.
  const known = useDeferredValue(session.data);
  const location = useLocation();
  useEffect(() => preload(children), [children]);
  return (
    <DataState isLoading={session.isLoading || known === undefined} error={session.error}>
      {!known?.user ? (
        <ToSignIn query={`?terug=${encodeURIComponent(location.pathname)}`} />
      ) : roles && !roles.includes(known.user.role as Role) ? (
        <Navigate to="/" replace />
      ) : (
        children
      )}
    </DataState>
  );
}

/**
 * ToSignIn leaves the app for the sign-in page, a page of its own (inloggen.html, signin.tsx: it loads
 * no router, query cache or other page), with query or else the current address's query. When the app
 * itself was sent for /inloggen (a build without inloggen.html), loading it again would loop: the app
 * then says the page is not there.
 */
function ToSignIn({ query }: { query?: string }) {
  const { pathname, search } = useLocation();
  const to = query ?? search;
  const loadedAt = performance.getEntriesByType?.('navigation')[0]?.name;
  const sentHere = pathname === '/inloggen' && !!loadedAt && new URL(loadedAt).pathname === '/inloggen';
  useEffect(() => {
    if (!sentHere) toSignIn(to, true);
  }, [to, sentHere]);
  return sentHere ? <NotFound /> : null;
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/inloggen" element={<ToSignIn />} />
        <Route path="/inloggen/link" element={<MagicLinkLanding />} />
        <Route path="/inloglink" element={<MagicLinkRequest />} />
        <Route path="/wachtwoord-vergeten" element={<ForgotPassword />} />
        <Route path="/wachtwoord-herstellen" element={<ResetPassword />} />
        <Route path="/uitnodiging" element={<AcceptInvitation />} />
        <Route path="/aanmelden" element={<SignUp />} />
        <Route path="/aanmelden/bevestigen" element={<ConfirmSignUp />} />
        <Route path="/" element={<RequireRole><Home /></RequireRole>} />
        <Route path="/vacatures" element={<RequireRole roles={openingRoles}><OpeningsList /></RequireRole>} />
        <Route path="/vacatures/nieuw" element={<RequireRole roles={openingRoles}><OpeningFormPage /></RequireRole>} />
        <Route path="/vacatures/:id" element={<RequireRole roles={openingRoles}><OpeningPage /></RequireRole>} />
        <Route path="/vacatures/:id/kandidaten" element={<RequireRole roles={openingRoles}><OpeningPool /></RequireRole>} />
        <Route path="/vacatures/:id/bewerken" element={<RequireRole roles={openingRoles}><OpeningFormPage /></RequireRole>} />
        <Route path="/vacatures/:id/uitnodigingen" element={<RequireRole roles={openingRoles}><OpeningInvites /></RequireRole>} />
        <Route path="/uitnodigingen/:id" element={<RequireRole roles={openingRoles}><InviteIntroduction /></RequireRole>} />
        <Route path="/mijn-uitnodigingen" element={<RequireRole roles={['kandidaat']}><MyInvites /></RequireRole>} />
        <Route path="/mijn-uitnodigingen/:id" element={<RequireRole roles={['kandidaat']}><MyInvite /></RequireRole>} />
        <Route path="/uitnodiging-werk" element={<InviteLinkPage />} />
        <Route path="/toestemming-delen" element={<SharingLinkPage />} />
        <Route path="/opvolging" element={<RequireRole roles={openingRoles}><FollowUps /></RequireRole>} />
        <Route path="/meldingen" element={<RequireRole><Notifications /></RequireRole>} />
        <Route path="/diensten" element={<RequireRole roles={openingRoles}><Catalogue /></RequireRole>} />
        <Route path="/diensten/:id/boeken" element={<RequireRole roles={openingRoles}><BookService /></RequireRole>} />
        <Route path="/boekingen" element={<RequireRole roles={openingRoles}><Bookings /></RequireRole>} />
        <Route path="/boekingen/:id" element={<RequireRole roles={openingRoles}><BookingPage /></RequireRole>} />
        <Route path="/opdrachten" element={<RequireRole roles={['werkgever', 'zorgaanbieder']}><ProviderWork /></RequireRole>} />
        <Route path="/agenda" element={<RequireRole roles={['werkgever', 'zorgaanbieder']}><Agenda /></RequireRole>} />
        <Route path="/uitbetalingen" element={<RequireRole roles={['werkgever', 'zorgaanbieder']}><Payouts /></RequireRole>} />
        <Route path="/facturen/:id" element={<RequireRole roles={['werkgever', 'zorgaanbieder', 'accountmanager', 'admin']}><InvoicePage /></RequireRole>} />
        <Route path="/subsidies" element={<RequireRole roles={['werkgever', 'zorgaanbieder', 'accountmanager', 'klantmanager', 'admin']}><Subsidies /></RequireRole>} />
        <Route path="/loonkostensubsidie" element={<RequireRole roles={openingRoles}><Applications /></RequireRole>} />
        <Route path="/loonkostensubsidie/aanvragen" element={<RequireRole roles={openingRoles}><ApplyForm /></RequireRole>} />
        <Route path="/loonkostensubsidie/:id" element={<RequireRole roles={openingRoles}><ApplicationPage /></RequireRole>} />
        <Route path="/zo-werkt-het-zoeken" element={<HowRankingWorks />} />
        <Route path="/beschikbaarheid" element={<ConfirmLanding />} />
        <Route path="/caseload" element={<RequireRole roles={['klantmanager', 'admin']}><Caseload /></RequireRole>} />
        <Route path="/kandidaten/nieuw" element={<RequireRole roles={['klantmanager']}><NewCandidate /></RequireRole>} />
        <Route path="/kandidaten/:id" element={<RequireRole roles={['klantmanager', 'admin']}><CandidatePage /></RequireRole>} />
        <Route path="/mijn-gegevens" element={<RequireRole roles={['kandidaat']}><MyData /></RequireRole>} />
        <Route path="/mijn-gegevens/overzicht" element={<RequireRole roles={['kandidaat']}><MyDataExport /></RequireRole>} />
        <Route path="/berichten" element={<RequireRole roles={['werkgever', 'zorgaanbieder', 'accountmanager']}><Messages /></RequireRole>} />
        <Route path="/organisatie" element={<RequireRole roles={['werkgever', 'zorgaanbieder']}><MyOrganisation /></RequireRole>} />
        <Route path="/aanmeldingen" element={<RequireRole roles={['accountmanager', 'admin']}><Queue /></RequireRole>} />
        <Route path="/portefeuille" element={<RequireRole roles={['accountmanager', 'admin']}><Portfolio /></RequireRole>} />
        <Route path="/organisaties/:id" element={<RequireRole roles={['accountmanager', 'admin']}><OrganisationPage /></RequireRole>} />
        <Route path="/cijfers" element={<RequireRole roles={['accountmanager', 'admin']}><FiguresPage /></RequireRole>} />
        <Route path="/resultaten" element={<RequireRole roles={['werkgever', 'zorgaanbieder']}><FiguresPage own /></RequireRole>} />
        <Route path="/verwante-beroepen" element={<RequireRole roles={['accountmanager', 'admin']}><Relations /></RequireRole>} />
        <Route path="/beheer/gebruikers" element={<RequireRole roles={['admin']}><Users /></RequireRole>} />
        <Route path="/beheer/organisaties" element={<RequireRole roles={['admin']}><Organisations /></RequireRole>} />
        <Route path="/platform/regios" element={<RequireRole roles={['platform']}><PlatformRegions /></RequireRole>} />
        <Route path="/beheer/regios" element={<RequireRole roles={['admin']}><Regions /></RequireRole>} />
        <Route path="/beheer/audit" element={<RequireRole roles={['admin']}><AuditLog /></RequireRole>} />
        <Route path="/beheer/diensten" element={<RequireRole roles={['admin']}><ServiceAdmin /></RequireRole>} />
        <Route path="/beheer/diensten/nieuw" element={<RequireRole roles={['admin']}><ServiceEdit /></RequireRole>} />
        <Route path="/beheer/diensten/:id" element={<RequireRole roles={['admin']}><ServiceEdit /></RequireRole>} />
        <Route path="/beheer/subsidies" element={<RequireRole roles={['admin']}><ParametersAdmin /></RequireRole>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
