package crm

import "time"

// Error codes of leads.
const (
	// CodeLeadEmpty: a lead needs at least a name or an e-mail address.
	CodeLeadEmpty = "lead_empty"
	// CodeLeadConverted: the lead was already converted (converting twice,
	// or editing a converted lead's conversion).
	CodeLeadConverted = "lead_converted"
	// CodeScoringRuleInvalid: a lead-scoring rule that cannot be applied.
	CodeScoringRuleInvalid = "scoring_rule_invalid"
)

// LeadStatus is where a lead stands in qualification.
type LeadStatus string

// The lead statuses. LeadConverted is set only by a conversion.
const (
	LeadNew         LeadStatus = "new"
	LeadContacted   LeadStatus = "contacted"
	LeadQualified   LeadStatus = "qualified"
	LeadUnqualified LeadStatus = "unqualified"
	LeadConverted   LeadStatus = "converted"
)

// LeadStatuses lists every status in the order a lead moves through them.
var LeadStatuses = []LeadStatus{LeadNew, LeadContacted, LeadQualified, LeadUnqualified, LeadConverted}

// Lead sources Fieldbook suggests (a source is free text; these keys are
// translated by the UI and named by the default scoring rules).
const (
	SourceReferral  = "referral"
	SourceWeb       = "web"
	SourceTradeShow = "trade_show"
	SourceColdList  = "cold_list"
	SourcePartner   = "partner"
	SourceOther     = "other"
)

// LeadFields are the parts of a lead a user edits.
type LeadFields struct {
	Name        string
	Email       string
	Phone       string
	CompanyName string
	Title       string
	// Source is where the lead came from: one of the Source* keys or any text.
	Source  string
	Status  LeadStatus
	OwnerID string
	Notes   string
	// Fit fields: what the company looks like.
	Industry string
	// CompanySize is a head-count band such as "51-200".
	CompanySize string
	Country     string
}

// ScoreReason is one rule's contribution to a lead's score.
type ScoreReason struct {
	RuleID string `json:"ruleId"`
	Label  string `json:"label"`
	Points int    `json:"points"`
}

// Lead is a prospective customer not yet qualified into a contact, company
// and deal. A converted lead stays readable with the ids it became.
type Lead struct {
	ID string
	LeadFields
	// Score is the sum of ScoreReasons' points, recomputed on every change.
	Score        int
	ScoreReasons []ScoreReason
	// What a conversion made of the lead ("" until converted).
	ConvertedContactID string
	ConvertedCompanyID string
	ConvertedDealID    string
	ConvertedAt        *time.Time
	Version            int
	CreatedAt          time.Time
	UpdatedAt          time.Time
	DeletedAt          *time.Time
}

// LeadSort orders a lead list.
type LeadSort string

// The lead list orders.
const (
	// LeadsByScore: highest score first (the default).
	LeadsByScore LeadSort = "score"
	// LeadsByName: name (or e-mail) A to Z.
	LeadsByName LeadSort = "name"
	// LeadsByNewest: most recently created first.
	LeadsByNewest LeadSort = "newest"
)

// LeadFilter selects a window of live leads. Empty fields do not filter.
type LeadFilter struct {
	Status  LeadStatus
	Source  string
	OwnerID string
	// Query matches name, e-mail, company name or title (case-insensitive).
	Query  string
	Sort   LeadSort
	Offset int
	Limit  int
}

// LeadPage is a window of leads and how many match the filter.
type LeadPage struct {
	Items  []Lead
	Total  int
	Offset int
}

// LeadScore is a lead's newly computed score, written without touching the
// lead's version (a score is derived, not edited).
type LeadScore struct {
	LeadID  string
	Score   int
	Reasons []ScoreReason
}

// ScoringRuleKind says what a scoring rule looks at.
type ScoringRuleKind string

// The kinds of scoring rule.
const (
	// RuleSource looks at the lead's source (Op equals).
	RuleSource ScoringRuleKind = "source"
	// RuleField looks at one of the lead's fields (Op equals, contains, is_set).
	RuleField ScoringRuleKind = "field"
	// RuleEngagement counts the lead's logged activities of the kind named
	// by Field (Op count_at_least, each).
	RuleEngagement ScoringRuleKind = "engagement"
)

// ScoringOp is how a rule compares.
type ScoringOp string

// The scoring operators.
const (
	// OpEquals: the value equals one of Value's comma-separated
	// alternatives, ignoring case and surrounding spaces.
	OpEquals ScoringOp = "equals"
	// OpContains: the value contains one of Value's comma-separated
	// alternatives, ignoring case.
	OpContains ScoringOp = "contains"
	// OpIsSet: the value is not blank (Value unused).
	OpIsSet ScoringOp = "is_set"
	// OpCountAtLeast: at least Value (a whole number ≥ 1) activities; the
	// rule's points count once.
	OpCountAtLeast ScoringOp = "count_at_least"
	// OpEach: the rule's points for each activity, for at most Value
	// activities (a whole number ≥ 1; blank means no limit).
	OpEach ScoringOp = "each"
)

// ScoringRule gives Points (may be negative) to a lead that matches it.
type ScoringRule struct {
	ID    string          `json:"id"`
	Label string          `json:"label"`
	Kind  ScoringRuleKind `json:"kind"`
	// Field is the lead field for RuleField ("title", "company_size", …) and
	// the activity kind for RuleEngagement ("call", "meeting", …).
	Field  string    `json:"field"`
	Op     ScoringOp `json:"op"`
	Value  string    `json:"value"`
	Points int       `json:"points"`
}

// LeadConversion is everything one conversion writes, in one transaction:
// the contact, the company (new, or an existing one by CompanyID, or none),
// the deal (optional), the lead's activities re-pointed to them, and the
// lead marked converted.
type LeadConversion struct {
	LeadID string
	// BaseVersion is the lead's version the conversion was based on.
	BaseVersion int
	Contact     Contact
	// NewCompany is a company to create; when a live company with the same
	// name key exists, that one is linked instead. Nil for none.
	NewCompany *Company
	// CompanyID links an existing company ("" for none or a new one).
	CompanyID string
	// Deal is a deal to open (its CompanyID, ContactIDs and LeadID are
	// filled in by the store); nil for none.
	Deal *Deal
	At   time.Time
}

// ConversionResult is what a conversion made.
type ConversionResult struct {
	ContactID string
	CompanyID string
	DealID    string
}
