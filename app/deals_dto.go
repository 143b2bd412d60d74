package app

import (
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/deals"
)

// Stage is one step of a pipeline with its default probability (0..100).
type Stage struct {
	ID          string `json:"id"`
	PipelineID  string `json:"pipelineId"`
	Name        string `json:"name"`
	Position    int    `json:"position"`
	Probability int    `json:"probability"`
}

// Pipeline is an ordered list of stages.
type Pipeline struct {
	ID       string  `json:"id"`
	Name     string  `json:"name"`
	Position int     `json:"position"`
	Stages   []Stage `json:"stages"`
}

// StageInput is one stage of a PipelineInput; ID "" is a new stage.
type StageInput struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Probability int    `json:"probability"`
}

// PipelineInput is a new pipeline (ID "") or an edit; the stages in board
// order. A stage left out is removed (refused while it holds open deals).
type PipelineInput struct {
	ID     string       `json:"id"`
	Name   string       `json:"name"`
	Stages []StageInput `json:"stages"`
}

// DealContact is a contact linked to a deal.
type DealContact struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Deal is a deal as lists, cards and the editor show it. Amounts in the
// home currency are null when no exchange rate converts the deal's currency.
type Deal struct {
	ID         string `json:"id"`
	Version    int    `json:"version"`
	Title      string `json:"title"`
	PipelineID string `json:"pipelineId"`
	StageID    string `json:"stageId"`
	StageName  string `json:"stageName"`
	// Status is "open", "won" or "lost".
	Status     string `json:"status"`
	Amount     Money  `json:"amount"`
	AmountHome *Money `json:"amountHome"`
	// Probability is the effective chance (0..100): 100 won, 0 lost, else
	// the override or the stage's default.
	Probability         int    `json:"probability"`
	ProbabilityOverride *int   `json:"probabilityOverride"`
	Weighted            *Money `json:"weighted"`
	// ExpectedClose is YYYY-MM-DD or "".
	ExpectedClose string        `json:"expectedClose"`
	OwnerID       string        `json:"ownerId"`
	OwnerName     string        `json:"ownerName"`
	CompanyID     string        `json:"companyId"`
	CompanyName   string        `json:"companyName"`
	LeadID        string        `json:"leadId"`
	ContactIDs    []string      `json:"contactIds"`
	Contacts      []DealContact `json:"contacts"`
	CloseReason   string        `json:"closeReason"`
	Notes         string        `json:"notes"`
	CreatedAt     string        `json:"createdAt"`
	UpdatedAt     string        `json:"updatedAt"`
	// ClosedAt is RFC 3339, "" while open.
	ClosedAt string `json:"closedAt"`
}

// DealInput is a deal as typed in the editor; the amount is text in
// Currency (never a float), parsed by the backend.
type DealInput struct {
	Title         string   `json:"title"`
	PipelineID    string   `json:"pipelineId"`
	StageID       string   `json:"stageId"`
	Amount        string   `json:"amount"`
	Currency      string   `json:"currency"`
	Probability   *int     `json:"probability"`
	ExpectedClose string   `json:"expectedClose"`
	OwnerID       string   `json:"ownerId"`
	CompanyID     string   `json:"companyId"`
	ContactIDs    []string `json:"contactIds"`
	Notes         string   `json:"notes"`
}

// StageColumn is one column of the board: the first deals, how many open
// deals the stage holds and their totals in the home currency. MissingRates
// lists currencies left out of the totals for want of a rate.
type StageColumn struct {
	Stage        Stage    `json:"stage"`
	Deals        []Deal   `json:"deals"`
	Count        int      `json:"count"`
	Total        Money    `json:"total"`
	Weighted     Money    `json:"weighted"`
	MissingRates []string `json:"missingRates"`
}

// ClosedSummary counts the deals won or lost in the board's period and
// their total in the home currency.
type ClosedSummary struct {
	Count        int      `json:"count"`
	Total        Money    `json:"total"`
	MissingRates []string `json:"missingRates"`
}

// Board is the kanban of one pipeline.
type Board struct {
	Pipeline     Pipeline      `json:"pipeline"`
	Columns      []StageColumn `json:"columns"`
	Won          ClosedSummary `json:"won"`
	Lost         ClosedSummary `json:"lost"`
	HomeCurrency string        `json:"homeCurrency"`
	// ClosedFrom and ClosedTo (YYYY-MM-DD, ClosedTo exclusive) are the period
	// Won and Lost cover.
	ClosedFrom string `json:"closedFrom"`
	ClosedTo   string `json:"closedTo"`
}

// BoardQuery selects the board. ClosedFrom/ClosedTo (YYYY-MM-DD in the
// user's zone, ClosedTo exclusive) pick the won/lost period; both "" = this
// month.
type BoardQuery struct {
	PipelineID    string `json:"pipelineId"`
	OwnerID       string `json:"ownerId"`
	Query         string `json:"query"`
	LimitPerStage int    `json:"limitPerStage"`
	ClosedFrom    string `json:"closedFrom"`
	ClosedTo      string `json:"closedTo"`
}

// DealTableQuery selects a page of the deal table. Sort is one of title,
// amount (home-currency value), expectedClose, stage, owner, updated.
type DealTableQuery struct {
	PipelineID string `json:"pipelineId"`
	OwnerID    string `json:"ownerId"`
	Status     string `json:"status"`
	Query      string `json:"query"`
	Sort       string `json:"sort"`
	Desc       bool   `json:"desc"`
	Offset     int    `json:"offset"`
	Limit      int    `json:"limit"`
}

// DealPage is a window of the deal table and how many deals match.
type DealPage struct {
	Items  []Deal `json:"items"`
	Total  int    `json:"total"`
	Offset int    `json:"offset"`
}

// StageVisit is one row of a deal's stage history (RFC 3339 times; leftAt
// "" for the current one).
type StageVisit struct {
	StageID   string `json:"stageId"`
	StageName string `json:"stageName"`
	Status    string `json:"status"`
	EnteredAt string `json:"enteredAt"`
	LeftAt    string `json:"leftAt"`
}

func toStageDTO(s crm.Stage) Stage {
	return Stage{ID: s.ID, PipelineID: s.PipelineID, Name: s.Name, Position: s.Position, Probability: s.Probability}
}

func toPipelineDTO(p crm.Pipeline) Pipeline {
	out := Pipeline{ID: p.ID, Name: p.Name, Position: p.Position, Stages: make([]Stage, len(p.Stages))}
	for i, s := range p.Stages {
		out.Stages[i] = toStageDTO(s)
	}
	return out
}

func (in PipelineInput) toInput() deals.PipelineInput {
	out := deals.PipelineInput{ID: in.ID, Name: in.Name, Stages: make([]deals.StageInput, len(in.Stages))}
	for i, s := range in.Stages {
		out.Stages[i] = deals.StageInput(s)
	}
	return out
}

func (in DealInput) toInput() deals.Input {
	return deals.Input{Title: in.Title, PipelineID: in.PipelineID, StageID: in.StageID, Amount: in.Amount, Currency: in.Currency,
		Probability: in.Probability, ExpectedClose: in.ExpectedClose, OwnerID: in.OwnerID, CompanyID: in.CompanyID,
		ContactIDs: in.ContactIDs, Notes: in.Notes}
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func toDealDTO(d deals.Deal, lang string) Deal {
	out := Deal{
		ID: d.ID, Version: d.Version, Title: d.Title, PipelineID: d.PipelineID, StageID: d.StageID, StageName: d.StageName,
		Status: string(d.Status), Amount: toMoneyDTO(d.Amount, lang), AmountHome: toMoneyPtr(d.AmountHome, lang),
		Probability: d.EffectiveProbability(), ProbabilityOverride: d.DealFields.Probability, Weighted: toMoneyPtr(d.WeightedHome, lang),
		ExpectedClose: d.ExpectedClose, OwnerID: d.OwnerID, OwnerName: d.OwnerName, CompanyID: d.CompanyID,
		CompanyName: d.CompanyName, LeadID: d.LeadID, ContactIDs: d.ContactIDs, Contacts: make([]DealContact, len(d.Contacts)),
		CloseReason: d.CloseReason, Notes: d.Notes, CreatedAt: rfc3339(d.CreatedAt), UpdatedAt: rfc3339(d.UpdatedAt),
	}
	out.ContactIDs = orEmpty(out.ContactIDs)
	for i, c := range d.Contacts {
		out.Contacts[i] = DealContact(c)
	}
	if d.ClosedAt != nil {
		out.ClosedAt = rfc3339(*d.ClosedAt)
	}
	return out
}

func toDealDTOs(ds []deals.Deal, lang string) []Deal {
	out := make([]Deal, len(ds))
	for i, d := range ds {
		out[i] = toDealDTO(d, lang)
	}
	return out
}

func toBoardDTO(b deals.Board, lang string, loc *time.Location) Board {
	out := Board{Pipeline: toPipelineDTO(b.Pipeline), Columns: make([]StageColumn, len(b.Columns)), HomeCurrency: b.Home,
		Won:        ClosedSummary{Count: b.Won.Count, Total: toMoneyDTO(b.Won.Total, lang), MissingRates: orEmpty(b.Won.Missing)},
		Lost:       ClosedSummary{Count: b.Lost.Count, Total: toMoneyDTO(b.Lost.Total, lang), MissingRates: orEmpty(b.Lost.Missing)},
		ClosedFrom: b.ClosedFrom.In(loc).Format(time.DateOnly), ClosedTo: b.ClosedTo.In(loc).Format(time.DateOnly)}
	for i, c := range b.Columns {
		out.Columns[i] = StageColumn{Stage: toStageDTO(c.Stage), Deals: toDealDTOs(c.Deals, lang), Count: c.Count,
			Total: toMoneyDTO(c.Total, lang), Weighted: toMoneyDTO(c.Weighted, lang), MissingRates: orEmpty(c.Missing)}
	}
	return out
}
