package app

import (
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/leads"
)

// LeadInput is what the lead form sends.
type LeadInput struct {
	Name        string `json:"name"`
	Email       string `json:"email"`
	Phone       string `json:"phone"`
	CompanyName string `json:"companyName"`
	Title       string `json:"title"`
	// Source is a key (referral, web, trade_show, cold_list, partner, other) or any text.
	Source string `json:"source"`
	// Status is new, contacted, qualified or unqualified ("" = new).
	Status  string `json:"status"`
	OwnerID string `json:"ownerId"`
	Notes   string `json:"notes"`
	// Fit fields.
	Industry    string `json:"industry"`
	CompanySize string `json:"companySize"`
	Country     string `json:"country"`
}

// ScoreReason is one rule's points in a lead's score.
type ScoreReason struct {
	RuleID string `json:"ruleId"`
	Label  string `json:"label"`
	Points int    `json:"points"`
}

// Lead is a whole lead for its list row and editor.
type Lead struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
	LeadInput
	Score        int           `json:"score"`
	ScoreReasons []ScoreReason `json:"scoreReasons"`
	// What a conversion made ("" until converted).
	ConvertedContactID string `json:"convertedContactId"`
	ConvertedCompanyID string `json:"convertedCompanyId"`
	ConvertedDealID    string `json:"convertedDealId"`
	ConvertedAt        string `json:"convertedAt"`
	CreatedAt          string `json:"createdAt"`
	UpdatedAt          string `json:"updatedAt"`
}

// ListLeadsRequest asks for a window of leads. Empty filters do not filter;
// Sort is score (default), name or newest.
type ListLeadsRequest struct {
	Query   string `json:"query"`
	Status  string `json:"status"`
	Source  string `json:"source"`
	OwnerID string `json:"ownerId"`
	Sort    string `json:"sort"`
	Offset  int    `json:"offset"`
	Limit   int    `json:"limit"`
}

// LeadPage is a window of leads and how many match.
type LeadPage struct {
	Items  []Lead `json:"items"`
	Total  int    `json:"total"`
	Offset int    `json:"offset"`
}

// ScoringRule is one editable scoring rule. Kind is source, field or
// engagement; Op equals, contains, is_set (source/field) or count_at_least,
// each (engagement); Field a lead field or an activity kind; Value the
// comma-separated alternatives, or a count.
type ScoringRule struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Kind   string `json:"kind"`
	Field  string `json:"field"`
	Op     string `json:"op"`
	Value  string `json:"value"`
	Points int    `json:"points"`
}

// ConvertLeadRequest says what converting a lead makes besides the contact:
// the existing company CompanyID, or a new one (CreateCompany), and
// optionally a deal. A blank PipelineID is the default pipeline, a blank
// StageID its first stage; Amount is text in Currency ("" for none).
type ConvertLeadRequest struct {
	CompanyID     string `json:"companyId"`
	CreateCompany bool   `json:"createCompany"`
	CreateDeal    bool   `json:"createDeal"`
	DealTitle     string `json:"dealTitle"`
	PipelineID    string `json:"pipelineId"`
	StageID       string `json:"stageId"`
	Amount        string `json:"amount"`
	Currency      string `json:"currency"`
	OwnerID       string `json:"ownerId"`
}

// ConvertLeadResult names what a conversion made ("" for what it did not).
type ConvertLeadResult struct {
	ContactID string `json:"contactId"`
	CompanyID string `json:"companyId"`
	DealID    string `json:"dealId"`
}

func (in LeadInput) fields() crm.LeadFields {
	return crm.LeadFields{Name: in.Name, Email: in.Email, Phone: in.Phone, CompanyName: in.CompanyName, Title: in.Title,
		Source: in.Source, Status: crm.LeadStatus(in.Status), OwnerID: in.OwnerID, Notes: in.Notes,
		Industry: in.Industry, CompanySize: in.CompanySize, Country: in.Country}
}

func toLeadDTO(l crm.Lead) Lead {
	out := Lead{
		ID: l.ID, Version: l.Version,
		LeadInput: LeadInput{Name: l.Name, Email: l.Email, Phone: l.Phone, CompanyName: l.CompanyName, Title: l.Title,
			Source: l.Source, Status: string(l.Status), OwnerID: l.OwnerID, Notes: l.Notes,
			Industry: l.Industry, CompanySize: l.CompanySize, Country: l.Country},
		Score:              l.Score,
		ScoreReasons:       make([]ScoreReason, len(l.ScoreReasons)),
		ConvertedContactID: l.ConvertedContactID,
		ConvertedCompanyID: l.ConvertedCompanyID,
		ConvertedDealID:    l.ConvertedDealID,
		CreatedAt:          l.CreatedAt.UTC().Format(time.RFC3339),
		UpdatedAt:          l.UpdatedAt.UTC().Format(time.RFC3339),
	}
	for i, r := range l.ScoreReasons {
		out.ScoreReasons[i] = ScoreReason(r)
	}
	if l.ConvertedAt != nil {
		out.ConvertedAt = l.ConvertedAt.UTC().Format(time.RFC3339)
	}
	return out
}

func toRuleDTO(r crm.ScoringRule) ScoringRule {
	return ScoringRule{ID: r.ID, Label: r.Label, Kind: string(r.Kind), Field: r.Field, Op: string(r.Op), Value: r.Value, Points: r.Points}
}

func (r ScoringRule) rule() crm.ScoringRule {
	return crm.ScoringRule{ID: r.ID, Label: r.Label, Kind: crm.ScoringRuleKind(r.Kind), Field: r.Field, Op: crm.ScoringOp(r.Op),
		Value: r.Value, Points: r.Points}
}

func (r ConvertLeadRequest) options() leads.ConvertOptions {
	return leads.ConvertOptions{CompanyID: r.CompanyID, CreateCompany: r.CreateCompany, CreateDeal: r.CreateDeal,
		DealTitle: r.DealTitle, PipelineID: r.PipelineID, StageID: r.StageID, Amount: r.Amount, Currency: r.Currency, OwnerID: r.OwnerID}
}
