package candidate

import (
	"context"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The export document (GET /me/candidate/export): every section has a
// title and an explanation in the kandidaat's language, every stored code
// comes with its label and every actor is described in words.

// ExportHeading is a section's title and explanation (exported: huma
// flattens embedded structs of exported types only).
type ExportHeading struct {
	Title       string `json:"title"`
	Explanation string `json:"explanation" doc:"What the section holds, in plain language"`
}

type exportSection[T any] struct {
	ExportHeading
	Items []T `json:"items"`
}

type exportChoice struct {
	Value string `json:"value" doc:"The stored code"`
	Label string `json:"label" doc:"What the code means, in the document's language"`
}

type exportLabelled struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

type exportActor struct {
	Role         string `json:"role" enum:"kandidaat,klantmanager,accountmanager,admin,werkgever,zorgaanbieder,organisation,system"`
	Name         string `json:"name,omitempty" doc:"The person, for staff of the municipality"`
	Organisation string `json:"organisation,omitempty" doc:"The organisation, for its users"`
	Description  string `json:"description" doc:"Who, in words: \"klantmanager Femke de Vries\", \"u zelf\", \"systeem\""`
}

type exportContact struct {
	ExportHeading
	Name         string       `json:"name"`
	Email        string       `json:"email"`
	Phone        string       `json:"phone"`
	Street       string       `json:"street"`
	Postcode     string       `json:"postcode"`
	Place        string       `json:"place"`
	MailLanguage exportChoice `json:"mailLanguage" doc:"The language of the mails we send"`
}

type exportSignIn struct {
	StartedAt  time.Time    `json:"startedAt"`
	LastSeenAt time.Time    `json:"lastSeenAt"`
	ExpiresAt  time.Time    `json:"expiresAt"`
	Method     exportChoice `json:"method"`
}

type exportLink struct {
	Purpose    exportChoice `json:"purpose" doc:"What the link was for: magic_link, password_reset, invitation or confirm"`
	SentAt     time.Time    `json:"sentAt"`
	ValidUntil time.Time    `json:"validUntil"`
	UsedAt     *time.Time   `json:"usedAt,omitempty"`
}

type exportAccount struct {
	ExportHeading
	Email     string         `json:"email"`
	CreatedAt time.Time      `json:"createdAt"`
	SignIns   []exportSignIn `json:"signIns" doc:"Sessions that have not been cleaned up yet"`
	Links     []exportLink   `json:"links" doc:"Sign-in links mailed to you"`
}

type exportLanguage struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Level string `json:"level" doc:"CEFR level, A1–C2"`
}

type exportProfile struct {
	ExportHeading
	PublicCode        string           `json:"publicCode" doc:"The code employers see instead of your name"`
	Status            exportChoice     `json:"status"`
	Freshness         exportChoice     `json:"freshness"`
	ConfirmedAt       time.Time        `json:"confirmedAt" doc:"When you last confirmed you are looking for work"`
	RemindedAt        *time.Time       `json:"remindedAt,omitempty"`
	Consent           bool             `json:"consent" doc:"Employers may find your profile (without your name)"`
	ConsentAt         *time.Time       `json:"consentAt,omitempty"`
	Klantmanager      exportActor      `json:"klantmanager"`
	Occupations       []exportLabelled `json:"occupations" doc:"ESCO occupations with their Dutch labels"`
	Skills            []exportLabelled `json:"skills"`
	Experience        string           `json:"experience"`
	Education         *exportChoice    `json:"education,omitempty"`
	Languages         []exportLanguage `json:"languages"`
	DrivingLicence    bool             `json:"drivingLicence"`
	OwnTransport      bool             `json:"ownTransport"`
	PC4               string           `json:"pc4" doc:"Postcode area (4 digits)"`
	MaxTravelKm       *int             `json:"maxTravelKm,omitempty"`
	HoursMin          *int             `json:"hoursMin,omitempty"`
	HoursMax          *int             `json:"hoursMax,omitempty"`
	Days              []exportChoice   `json:"days"`
	DayParts          []exportChoice   `json:"dayParts"`
	AvailableFrom     string           `json:"availableFrom,omitempty" format:"date"`
	Rung              *exportChoice    `json:"rung,omitempty" doc:"Participatieladder"`
	SupportNeeds      []exportChoice   `json:"supportNeeds"`
	Doelgroepregister bool             `json:"doelgroepregister"`
	Praktijkroute     bool             `json:"praktijkroute"`
	LKSIndicatie      bool             `json:"lksIndicatie"`
	CreatedAt         time.Time        `json:"createdAt"`
	UpdatedAt         time.Time        `json:"updatedAt"`
}

type exportConsent struct {
	Given      bool         `json:"given"`
	Method     exportChoice `json:"method"`
	Note       string       `json:"note,omitempty"`
	RecordedBy exportActor  `json:"recordedBy"`
	RecordedAt time.Time    `json:"recordedAt"`
}

type exportInviteStep struct {
	At          time.Time    `json:"at"`
	Actor       exportActor  `json:"actor"`
	State       exportChoice `json:"state" doc:"The invite's state after this step"`
	Description string       `json:"description"`
	Reason      string       `json:"reason,omitempty"`
}

type exportInvite struct {
	ID               string             `json:"id" format:"uuid"`
	OrganisationName string             `json:"organisationName"`
	OpeningTitle     string             `json:"openingTitle"`
	State            exportChoice       `json:"state"`
	Decision         exportChoice       `json:"decision" doc:"Your answer: accepted, declined, open, expired, withdrawn or notSent"`
	Message          string             `json:"message" doc:"The employer's message to you"`
	Advice           string             `json:"advice,omitempty" doc:"Your klantmanager's advice"`
	CreatedAt        time.Time          `json:"createdAt"`
	SentAt           *time.Time         `json:"sentAt,omitempty"`
	RemindedAt       *time.Time         `json:"remindedAt,omitempty"`
	ExpiresAt        *time.Time         `json:"expiresAt,omitempty" doc:"Until when you could answer"`
	ViewedAt         *time.Time         `json:"viewedAt,omitempty"`
	DecidedAt        *time.Time         `json:"decidedAt,omitempty"`
	DeclineReason    *exportChoice      `json:"declineReason,omitempty"`
	DeclineNote      string             `json:"declineNote,omitempty"`
	IntakeAt         *time.Time         `json:"intakeAt,omitempty"`
	IntakeMode       *exportChoice      `json:"intakeMode,omitempty"`
	IntakePlace      string             `json:"intakePlace,omitempty"`
	OutcomeNote      string             `json:"outcomeNote,omitempty" doc:"Why the work did not go ahead, as the employer wrote it"`
	History          []exportInviteStep `json:"history"`
}

type exportDisclosure struct {
	InviteID         string         `json:"inviteId" format:"uuid"`
	OrganisationName string         `json:"organisationName" doc:"Who received your details"`
	OpeningTitle     string         `json:"openingTitle"`
	Shared           []exportChoice `json:"shared" doc:"Which details: name, email and (unless you unticked it) phone"`
	GrantedAt        time.Time      `json:"grantedAt" doc:"Since when"`
	Active           bool           `json:"active" doc:"The organisation sees your details now"`
	SharedUntil      *time.Time     `json:"sharedUntil,omitempty" doc:"When you stopped sharing; absent while you share"`
	Until            string         `json:"until" doc:"Until when, in words"`
}

type exportFollowUp struct {
	Week          int        `json:"week"`
	DueOn         string     `json:"dueOn" format:"date"`
	AnsweredAt    *time.Time `json:"answeredAt,omitempty"`
	StillEmployed *bool      `json:"stillEmployed,omitempty"`
	CancelledAt   *time.Time `json:"cancelledAt,omitempty"`
}

type exportPlacement struct {
	OrganisationName  string           `json:"organisationName"`
	OpeningTitle      string           `json:"openingTitle"`
	StartDate         string           `json:"startDate" format:"date"`
	ContractType      exportChoice     `json:"contractType"`
	Hours             int              `json:"hours" doc:"Hours a week"`
	HourlyWageCents   int64            `json:"hourlyWageCents"`
	TrialPeriodMonths int              `json:"trialPeriodMonths"`
	EndedOn           string           `json:"endedOn,omitempty" format:"date"`
	EndReason         *exportChoice    `json:"endReason,omitempty"`
	Durable           *bool            `json:"durable,omitempty" doc:"Still at work after 26 weeks"`
	CreatedAt         time.Time        `json:"createdAt"`
	CreatedBy         exportActor      `json:"createdBy"`
	FollowUps         []exportFollowUp `json:"followUps"`
	ThankYous         []exportThankYou `json:"thankYous" doc:"Your thank-yous to your klantmanager for this work"`
}

type exportThankYou struct {
	Message   string    `json:"message"`
	CreatedAt time.Time `json:"createdAt"`
}

type exportRecommendation struct {
	OpeningTitle     string      `json:"openingTitle"`
	OrganisationName string      `json:"organisationName"`
	Note             string      `json:"note,omitempty"`
	PinnedAt         time.Time   `json:"pinnedAt"`
	PinnedBy         exportActor `json:"pinnedBy"`
}

type exportWeek struct {
	Week     string `json:"week" example:"2026-W48" doc:"ISO week"`
	Openings int    `json:"openings" doc:"Openings whose search results showed you"`
}

type exportService struct {
	ServiceTitle     string         `json:"serviceTitle"`
	ProviderName     string         `json:"providerName,omitempty"`
	OrganisationName string         `json:"organisationName" doc:"Who asked for it"`
	State            exportChoice   `json:"state"`
	StartsAt         *time.Time     `json:"startsAt,omitempty"`
	EndsAt           *time.Time     `json:"endsAt,omitempty"`
	Note             string         `json:"note,omitempty"`
	RequestedAt      time.Time      `json:"requestedAt"`
	RequestedBy      exportActor    `json:"requestedBy"`
	HoursEntries     []exportHours  `json:"hoursEntries,omitempty" doc:"What the provider delivered, as recorded"`
	Sharing          *exportSharing `json:"sharing,omitempty" doc:"Whether you share your name, phone and workplace with the provider of this service"`
}

type exportSharing struct {
	State     exportChoice  `json:"state"`
	AskedAt   time.Time     `json:"askedAt"`
	DecidedAt *time.Time    `json:"decidedAt,omitempty"`
	Via       *exportChoice `json:"via,omitempty" doc:"How you answered: the mailed link or in Werkhaven"`
	RevokedAt *time.Time    `json:"revokedAt,omitempty"`
}

type exportHours struct {
	WorkedOn string  `json:"workedOn" format:"date"`
	Hours    float64 `json:"hours"`
	Note     string  `json:"note,omitempty"`
}

type exportLks struct {
	OrganisationName string       `json:"organisationName" doc:"The employer who applied"`
	OpeningTitle     string       `json:"openingTitle"`
	State            exportChoice `json:"state"`
	WageValuePercent *float64     `json:"wageValuePercent,omitempty" doc:"Your assessed loonwaarde, in percent"`
	AssessedOn       string       `json:"assessedOn,omitempty" format:"date"`
	MonthlyCents     *int64       `json:"monthlyCents,omitempty" doc:"Granted: what the gemeente pays the employer per month"`
	Motivation       string       `json:"motivation,omitempty" doc:"Why the gemeente decided so"`
	ReassessOn       string       `json:"reassessOn,omitempty" format:"date"`
	AppliedAt        time.Time    `json:"appliedAt"`
	AppliedBy        exportActor  `json:"appliedBy"`
	DecidedAt        *time.Time   `json:"decidedAt,omitempty"`
	DecidedBy        *exportActor `json:"decidedBy,omitempty"`
}

type exportMail struct {
	Kind     exportChoice `json:"kind"`
	QueuedAt time.Time    `json:"queuedAt"`
	SentAt   *time.Time   `json:"sentAt,omitempty"`
}

type exportNotification struct {
	Title     string     `json:"title"`
	CreatedAt time.Time  `json:"createdAt"`
	ReadAt    *time.Time `json:"readAt,omitempty"`
}

type exportEvent struct {
	At     time.Time    `json:"at"`
	Action exportChoice `json:"action"`
	Actor  exportActor  `json:"actor"`
	IP     string       `json:"ip,omitempty" doc:"Your own IP address, where you acted yourself"`
}

type exportRead struct {
	At     time.Time   `json:"at"`
	Actor  exportActor `json:"actor"`
	Reason string      `json:"reason" doc:"Why, in words"`
}

// exportMyDataResponse is the whole document.
type exportMyDataResponse struct {
	ExportHeading
	GeneratedAt       time.Time                           `json:"generatedAt" doc:"When this overview was made (UTC)"`
	Language          string                              `json:"language" enum:"nl,en" doc:"The language of titles, explanations and labels"`
	Contact           exportContact                       `json:"contact"`
	Account           exportAccount                       `json:"account"`
	Profile           exportProfile                       `json:"profile"`
	Consents          exportSection[exportConsent]        `json:"consents"`
	Invites           exportSection[exportInvite]         `json:"invites"`
	Disclosures       exportSection[exportDisclosure]     `json:"disclosures"`
	Placements        exportSection[exportPlacement]      `json:"placements"`
	Recommendations   exportSection[exportRecommendation] `json:"recommendations"`
	PoolAppearances   exportSection[exportWeek]           `json:"poolAppearances"`
	Services          exportSection[exportService]        `json:"services"`
	LKSApplications   exportSection[exportLks]            `json:"lksApplications"`
	Mails             exportSection[exportMail]           `json:"mails"`
	ConfirmationLinks exportSection[exportLink]           `json:"confirmationLinks"`
	Notifications     exportSection[exportNotification]   `json:"notifications"`
	History           exportSection[exportEvent]          `json:"history"`
	AccessLog         exportSection[exportRead]           `json:"accessLog"`
}

type exportMyDataRequest struct {
	Lang           string `query:"lang" enum:"nl,en" doc:"The document's language; default: from Accept-Language, Dutch when it names neither"`
	AcceptLanguage string `header:"Accept-Language"`
}

type exportMyDataOutput struct {
	ContentDisposition string `header:"Content-Disposition"`
	Body               exportMyDataResponse
}

// exportMine hands the kandidaat everything Werkhaven holds on them as one
// JSON document, which the front end also shows as a page.
func (h handlers) exportMine(ctx context.Context, p authz.Principal, in *exportMyDataRequest) (*exportMyDataOutput, error) {
	e, err := h.s.ExportMine(ctx, p, httpapi.ClientIP(ctx))
	if err != nil {
		return nil, err
	}
	lang := msg.Parse(in.AcceptLanguage)
	if in.Lang != "" {
		lang = msg.Lang(in.Lang)
	}
	return &exportMyDataOutput{ContentDisposition: `attachment; filename="werkhaven-mijn-gegevens.json"`,
		Body: exportLabeller{lang: lang, e: &e, skills: h.s.Skills}.document()}, nil
}
