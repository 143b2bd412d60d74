package crm

import "time"

// Error codes of deals and pipelines.
const (
	// CodeDealInvalid: a deal field that is missing or wrong (no title, a
	// stage of another pipeline, a probability outside 0..100, …).
	CodeDealInvalid = "deal_invalid"
	// CodeStageNotEmpty: a pipeline edit removes a stage that still holds
	// open deals.
	CodeStageNotEmpty = "stage_not_empty"
	// CodePipelineNotEmpty: deleting a pipeline that still has deals.
	CodePipelineNotEmpty = "pipeline_not_empty"
)

// The default pipeline "Sales" and its stages, made by migration 0011 with
// these fixed IDs so that every new database has a board.
const (
	DefaultPipelineID       = "01900000-0000-7000-8000-000000000001"
	DefaultStageQualified   = "01900000-0000-7000-8000-000000000011"
	DefaultStageMeeting     = "01900000-0000-7000-8000-000000000012"
	DefaultStageProposal    = "01900000-0000-7000-8000-000000000013"
	DefaultStageNegotiation = "01900000-0000-7000-8000-000000000014"
)

// Stage is one step of a pipeline, with the probability (0..100) a deal in
// it is won unless the deal overrides it.
type Stage struct {
	ID          string
	PipelineID  string
	Name        string
	Position    int
	Probability int
}

// Pipeline is an ordered list of stages deals move through.
type Pipeline struct {
	ID       string
	Name     string
	Position int
	Stages   []Stage
}

// DealStatus says whether a deal is still open, won or lost.
type DealStatus string

// The statuses of a deal.
const (
	DealOpen DealStatus = "open"
	DealWon  DealStatus = "won"
	DealLost DealStatus = "lost"
)

// DealFields are the parts of a deal a user edits (Status and CloseReason
// change through win, lose and reopen).
type DealFields struct {
	Title      string
	PipelineID string
	StageID    string
	Status     DealStatus
	Amount     Money
	// Probability overrides the stage's default probability; nil = the stage's.
	Probability *int
	// ExpectedClose is a date (YYYY-MM-DD) or "".
	ExpectedClose string
	OwnerID       string
	CompanyID     string
	LeadID        string
	ContactIDs    []string
	CloseReason   string
	Notes         string
}

// Deal is a possible sale moving through a pipeline.
type Deal struct {
	ID string
	DealFields
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	// ClosedAt is when the deal was won or lost (nil while open).
	ClosedAt  *time.Time
	DeletedAt *time.Time
}

// StageVisit is one row of a deal's stage history: the deal entered StageID
// with Status at EnteredAt and left at LeftAt (nil: it is still there). A
// change of status (won, lost, reopened) starts a new visit too.
type StageVisit struct {
	StageID string
	// StageName is the stage's name (also of a stage removed since).
	StageName string
	Status    string
	EnteredAt time.Time
	LeftAt    *time.Time
}

// NamedRef is a record's ID with its display name.
type NamedRef struct {
	ID   string
	Name string
}

// DealView is a deal with the names lists and cards show beside it.
type DealView struct {
	Deal
	StageName   string
	OwnerName   string
	CompanyName string
	Contacts    []NamedRef
	// StageProbability is the default probability of the deal's stage.
	StageProbability int
}

// EffectiveProbability is the chance (0..100) the deal is won: 100 when
// won, 0 when lost, else the deal's override or its stage's default.
func (v DealView) EffectiveProbability() int {
	return EffectiveProbability(v.Status, v.Probability, v.StageProbability)
}

// EffectiveProbability is the chance (0..100) a deal is won: 100 when won,
// 0 when lost, else override when set, else the stage's default.
func EffectiveProbability(status DealStatus, override *int, stageDefault int) int {
	switch status {
	case DealWon:
		return 100
	case DealLost:
		return 0
	}
	if override != nil {
		return *override
	}
	return stageDefault
}

// DealFilter selects deals for the board and the table. Zero fields do not
// filter.
type DealFilter struct {
	PipelineID string
	OwnerID    string
	Status     DealStatus
	// Query keeps deals whose title or company name contains it.
	Query string
	// ClosedFrom and ClosedTo keep deals closed in [ClosedFrom, ClosedTo).
	ClosedFrom, ClosedTo time.Time
}

// DealFigures are the parts of a deal that totals are made of: one light
// row per deal, so a board of thousands of deals sums without reading
// titles, notes or contacts.
type DealFigures struct {
	ID            string
	StageID       string
	Status        DealStatus
	Amount        Money
	Probability   *int
	ExpectedClose string
	ClosedAt      *time.Time
}

// DealSort names what the deal table is sorted by.
type DealSort string

// The sorts of the deal table. SortDealAmount sorts by the amount in the
// home currency where a rate is known (the deals use case); the store sorts
// it by minor units and currency.
const (
	SortDealTitle         DealSort = "title"
	SortDealAmount        DealSort = "amount"
	SortDealExpectedClose DealSort = "expectedClose"
	SortDealStage         DealSort = "stage"
	SortDealOwner         DealSort = "owner"
	SortDealUpdated       DealSort = "updated"
)
