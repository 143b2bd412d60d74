package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fieldbook/backend/cases"
	"fieldbook/backend/crm"
	"fieldbook/backend/feedback"
)

// FeedbackInput is what the feedback form sends. ReceivedAt is an RFC 3339
// instant, a date YYYY-MM-DD (noon in the user's zone) or "" for now;
// OwnerID "" means the local profile.
type FeedbackInput struct {
	ContactID  string `json:"contactId"`
	Kind       string `json:"kind"` // nps or csat
	Score      int    `json:"score"`
	Comment    string `json:"comment"`
	ReceivedAt string `json:"receivedAt"`
	OwnerID    string `json:"ownerId"`
}

// FeedbackDTO is one NPS or CSAT answer for the lists.
type FeedbackDTO struct {
	ID          string `json:"id"`
	Version     int    `json:"version"`
	ContactID   string `json:"contactId"`
	ContactName string `json:"contactName"`
	CompanyID   string `json:"companyId"`
	CompanyName string `json:"companyName"`
	Kind        string `json:"kind"`
	Score       int    `json:"score"`
	// Band is promoter, passive or detractor for NPS; satisfied, neutral
	// or unsatisfied for CSAT.
	Band       string `json:"band"`
	Comment    string `json:"comment"`
	ReceivedAt string `json:"receivedAt"` // RFC 3339, UTC
	OwnerID    string `json:"ownerId"`
	CreatedAt  string `json:"createdAt"`
	UpdatedAt  string `json:"updatedAt"`
}

// FeedbackQuery asks for a window of answers; From and To are dates
// (YYYY-MM-DD, inclusive, in the user's zone) or "" for no bound.
type FeedbackQuery struct {
	ContactID string `json:"contactId"`
	CompanyID string `json:"companyId"`
	Kind      string `json:"kind"`
	From      string `json:"from"`
	To        string `json:"to"`
	Offset    int    `json:"offset"`
	Limit     int    `json:"limit"`
}

// FeedbackPage is a window of answers, newest first, and how many match.
type FeedbackPage struct {
	Items  []FeedbackDTO `json:"items"`
	Total  int           `json:"total"`
	Offset int           `json:"offset"`
}

// DateRange is a range of whole days (YYYY-MM-DD, both inclusive) in the
// user's zone.
type DateRange struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// NPSDTO is a Net Promoter Score: Score is rounded (halves away from zero),
// Num/Den the exact value; Responses 0 means there is no score.
type NPSDTO struct {
	Responses  int `json:"responses"`
	Promoters  int `json:"promoters"`
	Passives   int `json:"passives"`
	Detractors int `json:"detractors"`
	Score      int `json:"score"`
	Num        int `json:"num"`
	Den        int `json:"den"`
}

// CSATDTO is a satisfaction score: Share is the rounded percentage of 4–5
// answers, Mean the mean answer to one decimal ("4.3").
type CSATDTO struct {
	Responses int    `json:"responses"`
	Satisfied int    `json:"satisfied"`
	Share     int    `json:"share"`
	Mean      string `json:"mean"`
}

// FeedbackMonth is the NPS and CSAT of one month ("2026-03").
type FeedbackMonth struct {
	Month string  `json:"month"`
	NPS   NPSDTO  `json:"nps"`
	CSAT  CSATDTO `json:"csat"`
}

// FeedbackSummary is what the answers of a date range say.
type FeedbackSummary struct {
	From   string          `json:"from"`
	To     string          `json:"to"`
	Count  int             `json:"count"`
	NPS    NPSDTO          `json:"nps"`
	CSAT   CSATDTO         `json:"csat"`
	Months []FeedbackMonth `json:"months"`
}

// CaseInput is what the case editor sends. OpenedAt (RFC 3339 or
// YYYY-MM-DD, "" for now) is read by Open only; OwnerID "" means the local
// profile on Open.
type CaseInput struct {
	Subject     string `json:"subject"`
	Description string `json:"description"`
	ContactID   string `json:"contactId"`
	CompanyID   string `json:"companyId"`
	Priority    string `json:"priority"`
	Status      string `json:"status"`
	OwnerID     string `json:"ownerId"`
	OpenedAt    string `json:"openedAt"`
}

// CaseDTO is one support case.
type CaseDTO struct {
	ID          string `json:"id"`
	Number      string `json:"number"`
	Version     int    `json:"version"`
	Subject     string `json:"subject"`
	Description string `json:"description"`
	ContactID   string `json:"contactId"`
	ContactName string `json:"contactName"`
	CompanyID   string `json:"companyId"`
	CompanyName string `json:"companyName"`
	Priority    string `json:"priority"`
	Status      string `json:"status"`
	OwnerID     string `json:"ownerId"`
	OpenedAt    string `json:"openedAt"`   // RFC 3339, UTC
	ResolvedAt  string `json:"resolvedAt"` // RFC 3339, UTC; "" while not resolved
	// ResolutionMinutes is ResolvedAt − OpenedAt in whole minutes, -1 while
	// not resolved.
	ResolutionMinutes int64  `json:"resolutionMinutes"`
	CreatedAt         string `json:"createdAt"`
	UpdatedAt         string `json:"updatedAt"`
}

// CaseQuery asks for a window of cases: statuses and priorities match any
// of theirs (all when empty); text is found in the number, subject or
// description; sort is opened, updated, priority, number or subject.
type CaseQuery struct {
	Statuses   []string `json:"statuses"`
	Priorities []string `json:"priorities"`
	OwnerID    string   `json:"ownerId"`
	ContactID  string   `json:"contactId"`
	CompanyID  string   `json:"companyId"`
	Text       string   `json:"text"`
	Sort       string   `json:"sort"`
	Desc       bool     `json:"desc"`
	Offset     int      `json:"offset"`
	Limit      int      `json:"limit"`
}

// CasePage is a window of cases and how many match.
type CasePage struct {
	Items  []CaseDTO `json:"items"`
	Total  int       `json:"total"`
	Offset int       `json:"offset"`
}

// PriorityCountDTO is how many backlog cases have one priority.
type PriorityCountDTO struct {
	Priority string `json:"priority"`
	Count    int    `json:"count"`
}

// CaseStats are the resolution times of the cases resolved in a date
// range (hours to one decimal) and the backlog now.
type CaseStats struct {
	Resolved    int                `json:"resolved"`
	MeanHours   float64            `json:"meanHours"`
	MedianHours float64            `json:"medianHours"`
	Open        int                `json:"open"`
	Pending     int                `json:"pending"`
	Backlog     []PriorityCountDTO `json:"backlog"`
}

// linkNamer reads the names of linked contacts and companies.
type linkNamer interface {
	LinkNames(ctx context.Context, contactIDs, companyIDs []string) (contacts, companies map[string]string, err error)
}

const careInstantLayout = "2006-01-02T15:04:05.000Z07:00"

func formatCareInstant(t time.Time) string { return t.UTC().Format(careInstantLayout) }

// parseCareInstant reads an RFC 3339 instant, or a date as noon in loc; ""
// gives the zero time.
func parseCareInstant(s string, loc *time.Location, field string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	d, err := time.ParseInLocation(time.DateOnly, s, loc)
	if err != nil {
		return time.Time{}, crm.FieldError(crm.CodeDateInvalid, field, fmt.Sprintf("%q is neither a date nor an instant", s))
	}
	return d.Add(12 * time.Hour), nil
}

// dayBounds turns inclusive dates in loc into the instants [from, to);
// an empty date gives the zero time (no bound).
func dayBounds(from, to string, loc *time.Location) (time.Time, time.Time, error) {
	var out [2]time.Time
	for i, s := range []string{from, to} {
		if s = strings.TrimSpace(s); s == "" {
			continue
		}
		d, err := time.ParseInLocation(time.DateOnly, s, loc)
		if err != nil {
			return out[0], out[1], crm.FieldError(crm.CodeDateInvalid, []string{"from", "to"}[i], fmt.Sprintf("%q is not a date (YYYY-MM-DD)", s))
		}
		if i == 1 {
			d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc)
		}
		out[i] = d
	}
	if !out[0].IsZero() && !out[1].IsZero() && !out[1].After(out[0]) {
		return out[0], out[1], crm.FieldError(crm.CodeDateInvalid, "to", "the range ends before it starts")
	}
	return out[0], out[1], nil
}

// feedbackBand names where an answer falls on its scale.
func feedbackBand(kind crm.FeedbackKind, score int) string {
	if kind == crm.FeedbackNPS {
		switch {
		case score >= 9:
			return "promoter"
		case score >= 7:
			return "passive"
		}
		return "detractor"
	}
	switch {
	case score >= 4:
		return "satisfied"
	case score == 3:
		return "neutral"
	}
	return "unsatisfied"
}

func toFeedbackDTO(f crm.Feedback, contacts, companies map[string]string) FeedbackDTO {
	return FeedbackDTO{ID: f.ID, Version: f.Version, ContactID: f.ContactID, ContactName: contacts[f.ContactID],
		CompanyID: f.CompanyID, CompanyName: companies[f.CompanyID], Kind: string(f.Kind), Score: f.Score,
		Band: feedbackBand(f.Kind, f.Score), Comment: f.Comment, ReceivedAt: formatCareInstant(f.ReceivedAt), OwnerID: f.OwnerID,
		CreatedAt: formatCareInstant(f.CreatedAt), UpdatedAt: formatCareInstant(f.UpdatedAt)}
}

func toNPSDTO(r feedback.NPSResult) NPSDTO {
	return NPSDTO{Responses: r.Responses, Promoters: r.Promoters, Passives: r.Passives, Detractors: r.Detractors,
		Score: r.Score, Num: r.Num, Den: r.Den}
}

func toCSATDTO(r feedback.CSATResult) CSATDTO {
	mean := ""
	if r.Responses > 0 {
		mean = fmt.Sprintf("%d.%d", r.MeanTenths/10, r.MeanTenths%10)
	}
	return CSATDTO{Responses: r.Responses, Satisfied: r.Satisfied, Share: r.Share, Mean: mean}
}

func toCaseDTO(c crm.Case, contacts, companies map[string]string) CaseDTO {
	out := CaseDTO{ID: c.ID, Number: c.Number, Version: c.Version, Subject: c.Subject, Description: c.Description,
		ContactID: c.ContactID, ContactName: contacts[c.ContactID], CompanyID: c.CompanyID, CompanyName: companies[c.CompanyID],
		Priority: string(c.Priority), Status: string(c.Status), OwnerID: c.OwnerID, OpenedAt: formatCareInstant(c.OpenedAt),
		ResolutionMinutes: -1, CreatedAt: formatCareInstant(c.CreatedAt), UpdatedAt: formatCareInstant(c.UpdatedAt)}
	if d, ok := c.ResolutionTime(); ok {
		out.ResolvedAt = formatCareInstant(*c.ResolvedAt)
		out.ResolutionMinutes = int64(max(d, 0) / time.Minute)
	}
	return out
}

func toCaseStats(s cases.Stats) CaseStats {
	out := CaseStats{Resolved: s.Resolution.Count, MeanHours: cases.Hours(s.Resolution.Mean), MedianHours: cases.Hours(s.Resolution.Median),
		Open: s.Backlog.Open, Pending: s.Backlog.Pending, Backlog: make([]PriorityCountDTO, len(s.Backlog.ByPriority))}
	for i, p := range s.Backlog.ByPriority {
		out.Backlog[i] = PriorityCountDTO{Priority: string(p.Priority), Count: p.Count}
	}
	return out
}
