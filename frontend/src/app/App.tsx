import { Navigate, Route, Routes, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { useSession, type Role } from '../lib/session';
import { DataState } from '../components/ui';
import { SignIn } from '../features/auth/SignIn';
import { ForgotPassword, ResetPassword, AcceptInvitation, MagicLinkRequest, MagicLinkLanding } from '../features/auth/TokenPages';
import { SignUp, ConfirmSignUp } from '../features/signup/SignUp';
import { Queue } from '../features/signup/Queue';
import { Users } from '../features/admin/Users';
import { Organisations } from '../features/admin/Organisations';
import { Regions } from '../features/admin/Regions';
import { AuditLog } from '../features/admin/AuditLog';
import { Home } from '../features/home/Home';
import { PlatformRegions } from '../features/admin/PlatformRegions';
import { HowRankingWorks } from '../features/home/HowRankingWorks';
import { OpeningsList } from '../features/openings/OpeningsList';
import { OpeningPage } from '../features/openings/OpeningPage';
import { OpeningFormPage } from '../features/openings/OpeningForm';
import { OpeningPool } from '../features/openings/Pool';
import { Portfolio } from '../features/portfolio/Portfolio';
import { OrganisationPage } from '../features/portfolio/OrganisationPage';
import { MyOrganisation } from '../features/portfolio/ProfileForm';
import { Caseload } from '../features/candidates/Caseload';
import { CandidatePage } from '../features/candidates/CandidatePage';
import { NewCandidate } from '../features/candidates/ProfileForm';
import { ConfirmLanding, MyData } from '../features/candidates/MyData';
import { SharingLinkPage } from '../features/candidates/Sharing';
import { MyDataExport } from '../features/candidates/MyDataExport';
import { OpeningInvites } from '../features/openings/InvitesBoard';
import { InviteIntroduction } from '../features/openings/Introduction';
import { MyInvite, MyInvites } from '../features/invites/MyInvites';
import { InviteLinkPage } from '../features/invites/InviteLink';
import { FollowUps } from '../features/followups/FollowUps';
import { Notifications } from '../features/notifications/Notifications';
import { Catalogue } from '../features/services/Catalogue';
import { BookService } from '../features/services/BookService';
import { Agenda, Bookings, ProviderWork } from '../features/services/Bookings';
import { InvoicePage, Payouts } from '../features/services/Invoices';
import { BookingPage } from '../features/services/BookingPage';
import { Applications } from '../features/subsidies/Applications';
import { ApplicationPage } from '../features/subsidies/ApplicationPage';
import { ApplyForm } from '../features/subsidies/ApplyForm';
import { ServiceAdmin, ServiceEdit } from '../features/services/ServiceEditor';
import { Relations } from '../features/occupations/Relations';
import { Subsidies } from '../features/subsidies/Subsidies';
import { ParametersAdmin } from '../features/subsidies/ParametersAdmin';
import { FiguresPage } from '../features/figures/FiguresPage';
import { Messages } from '../features/messages/Messages';

const openingRoles: Role[] = ['werkgever', 'zorgaanbieder', 'accountmanager', 'admin'];

/** RequireRole shows children to signed-in users with one of roles. */
function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  return (
    <DataState isLoading={session.isLoading} error={session.error}>
      {!session.data?.user ? (
        <Navigate to={`/inloggen?terug=${encodeURIComponent(location.pathname)}`} replace />
      ) : roles && !roles.includes(session.data.user.role as Role) ? (
        <Navigate to="/" replace />
      ) : (
        children
      )}
    </DataState>
  );
}

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/inloggen" element={<SignIn />} />
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
