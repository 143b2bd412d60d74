// Package campaigns is the use-case layer of marketing campaigns: a
// campaign (name, channel, cost, dates) targets the contacts of a saved
// contact filter (a snapshot taken when the user presses Target, which can
// be re-run: new matches are added, responses kept), records who responded,
// and has deals attributed to it. Its return on investment is computed by
// the pure ROI from the store's figures, in the home currency. Campaigns
// are not journalled: the journal is the CardDAV/CalDAV outbox.
package campaigns

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// Store is what this package needs from persistence (backend/store).
type Store interface {
	CreateCampaign(ctx context.Context, c crm.Campaign) error
	UpdateCampaign(ctx context.Context, c crm.Campaign) error
	GetCampaign(ctx context.Context, id string) (crm.Campaign, error)
	ListCampaigns(ctx context.Context) ([]crm.Campaign, error)
	SetCampaignDeleted(ctx context.Context, id string, deleted bool, at time.Time) error

	SaveFilter(ctx context.Context, f crm.SavedFilter) error
	GetFilter(ctx context.Context, id string) (crm.SavedFilter, error)
	ListFilters(ctx context.Context, entity string) ([]crm.SavedFilter, error)
	DeleteFilter(ctx context.Context, id string, at time.Time) error
	FilterContacts(ctx context.Context, f crm.ContactFilter, offset, limit int) (crm.ContactPage, error)

	TargetCampaign(ctx context.Context, campaignID string, f crm.ContactFilter, at time.Time) (int, error)
	CampaignContacts(ctx context.Context, campaignID string, offset, limit int) ([]crm.CampaignContact, int, error)
	RecordCampaignResponse(ctx context.Context, campaignID, contactID, response string, respondedAt *time.Time, now time.Time) error

	SetDealCampaign(ctx context.Context, dealID, campaignID string) error
	DealCampaign(ctx context.Context, dealID string) (string, error)
	CampaignDeals(ctx context.Context, campaignID string) ([]crm.DealView, error)
	CampaignFigures(ctx context.Context, ids ...string) ([]crm.CampaignFigures, error)
}

// Rates gives the converter into the home currency (backend/currencies).
type Rates interface {
	Converter(ctx context.Context) (*money.Converter, error)
}

// MaxPage is the largest window Contacts and Preview return at once.
const MaxPage = 500

const (
	maxShortField = 500
	maxNotes      = 100_000
	maxTags       = 20
)

// Service manages campaigns and saved contact filters.
type Service struct {
	store Store
	rates Rates
	clock crm.Clock
}

// New returns a Service over st, converting with rates, stamping changes
// with clock.
func New(st Store, rates Rates, clock crm.Clock) *Service {
	return &Service{store: st, rates: rates, clock: clock}
}

// Input is a campaign as typed in the editor: the cost as text in Currency
// (parsed by backend/money, never a float).
type Input struct {
	Name     string
	Channel  string // "" = other
	Cost     string // "" = 0
	Currency string // "" = the home currency
	StartsOn string // YYYY-MM-DD or ""
	EndsOn   string // YYYY-MM-DD or ""
	FilterID string
	OwnerID  string
	Notes    string
}

// Summary is a campaign with its results.
type Summary struct {
	crm.Campaign
	Stats Stats
	// Home is the home currency the stats are in.
	Home string
}

func invalid(field, msg string) error { return crm.FieldError(crm.CodeCampaignInvalid, field, msg) }

func checkText(code, field, s string, limit int) (string, error) {
	s = crm.CleanLine(s)
	if utf8.RuneCountInString(s) > limit {
		return s, crm.FieldError(code, field, fmt.Sprintf("%s is longer than %d characters", field, limit))
	}
	return s, nil
}

func checkDate(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return s, nil
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil {
		return s, crm.FieldError(crm.CodeDateInvalid, field, fmt.Sprintf("%q is not a date (YYYY-MM-DD)", s))
	}
	return s, nil
}

// validate checks in and returns the campaign fields it gives.
func (s *Service) validate(ctx context.Context, in Input) (crm.CampaignFields, error) {
	var f crm.CampaignFields
	var err error
	if f.Name, err = checkText(crm.CodeCampaignInvalid, "name", in.Name, maxShortField); err != nil {
		return f, err
	}
	if f.Name == "" {
		return f, invalid("name", "a campaign needs a name")
	}
	f.Channel = crm.CampaignChannel(strings.ToLower(strings.TrimSpace(in.Channel)))
	if f.Channel == "" {
		f.Channel = crm.ChannelOther
	}
	if !slices.Contains(crm.CampaignChannels(), f.Channel) {
		return f, invalid("channel", fmt.Sprintf("%q is not a channel", in.Channel))
	}
	if f.Cost, err = s.cost(ctx, in.Cost, in.Currency); err != nil {
		return f, err
	}
	if f.StartsOn, err = checkDate("startsOn", in.StartsOn); err != nil {
		return f, err
	}
	if f.EndsOn, err = checkDate("endsOn", in.EndsOn); err != nil {
		return f, err
	}
	if f.StartsOn != "" && f.EndsOn != "" && f.EndsOn < f.StartsOn {
		return f, invalid("endsOn", "a campaign cannot end before it starts")
	}
	f.FilterID = strings.TrimSpace(in.FilterID)
	f.OwnerID = strings.TrimSpace(in.OwnerID)
	f.Notes = strings.TrimSpace(strings.ToValidUTF8(in.Notes, "\uFFFD"))
	if utf8.RuneCountInString(f.Notes) > maxNotes {
		return f, invalid("notes", fmt.Sprintf("notes are longer than %d characters", maxNotes))
	}
	return f, nil
}

// cost parses a form's cost (money.ParseAmount); a blank code is the home
// currency.
func (s *Service) cost(ctx context.Context, text, code string) (crm.Money, error) {
	return money.ParseAmount(text, code, "cost", func() (string, error) {
		conv, err := s.rates.Converter(ctx)
		if err != nil {
			return "", err
		}
		return conv.Home(), nil
	})
}

// Create validates in and stores it as a new campaign.
func (s *Service) Create(ctx context.Context, in Input) (crm.Campaign, error) {
	f, err := s.validate(ctx, in)
	if err != nil {
		return crm.Campaign{}, err
	}
	now := s.clock.Now()
	c := crm.Campaign{ID: crm.NewID(now), CampaignFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	if err := s.store.CreateCampaign(ctx, c); err != nil {
		return crm.Campaign{}, err
	}
	return c, nil
}

// Update replaces the fields of campaign id, edited from baseVersion.
func (s *Service) Update(ctx context.Context, id string, baseVersion int, in Input) (crm.Campaign, error) {
	f, err := s.validate(ctx, in)
	if err != nil {
		return crm.Campaign{}, err
	}
	cur, err := s.store.GetCampaign(ctx, id)
	if err != nil {
		return crm.Campaign{}, err
	}
	if cur.DeletedAt != nil {
		return crm.Campaign{}, crm.Errorf(crm.CodeNotFound, "campaign %s was deleted", id)
	}
	if cur.Version != baseVersion {
		return crm.Campaign{}, crm.Errorf(crm.CodeVersionConflict,
			"campaign %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	if cur.CampaignFields == f {
		return cur, nil
	}
	next := cur
	next.CampaignFields = f
	next.Version = baseVersion + 1
	next.UpdatedAt = s.clock.Now()
	if err := s.store.UpdateCampaign(ctx, next); err != nil {
		return crm.Campaign{}, err
	}
	return s.store.GetCampaign(ctx, id)
}

// Delete tombstones a campaign (Restore undoes it). Its targeted contacts
// and attributed deals stay linked.
func (s *Service) Delete(ctx context.Context, id string) error {
	return s.store.SetCampaignDeleted(ctx, id, true, s.clock.Now())
}

// Restore brings a deleted campaign back.
func (s *Service) Restore(ctx context.Context, id string) (crm.Campaign, error) {
	if err := s.store.SetCampaignDeleted(ctx, id, false, s.clock.Now()); err != nil {
		return crm.Campaign{}, err
	}
	return s.store.GetCampaign(ctx, id)
}

// Get returns one campaign with its results.
func (s *Service) Get(ctx context.Context, id string) (Summary, error) {
	c, err := s.store.GetCampaign(ctx, id)
	if err != nil {
		return Summary{}, err
	}
	out := Summary{Campaign: c}
	if c.DeletedAt != nil {
		return out, nil
	}
	figs, err := s.store.CampaignFigures(ctx, id)
	if err != nil {
		return Summary{}, err
	}
	sums, err := s.summaries(ctx, []crm.Campaign{c}, figs)
	if err != nil {
		return Summary{}, err
	}
	return sums[0], nil
}

// Stats returns a campaign's results in the home currency.
func (s *Service) Stats(ctx context.Context, id string) (Stats, error) {
	sum, err := s.Get(ctx, id)
	return sum.Stats, err
}

// List returns the live campaigns with their results, the latest start
// first.
func (s *Service) List(ctx context.Context) ([]Summary, error) {
	cs, err := s.store.ListCampaigns(ctx)
	if err != nil {
		return nil, err
	}
	figs, err := s.store.CampaignFigures(ctx)
	if err != nil {
		return nil, err
	}
	return s.summaries(ctx, cs, figs)
}

func (s *Service) summaries(ctx context.Context, cs []crm.Campaign, figs []crm.CampaignFigures) ([]Summary, error) {
	conv, err := s.rates.Converter(ctx)
	if err != nil {
		return nil, fmt.Errorf("campaigns: home currency: %w", err)
	}
	byID := make(map[string]crm.CampaignFigures, len(figs))
	for _, f := range figs {
		byID[f.CampaignID] = f
	}
	out := make([]Summary, len(cs))
	for i, c := range cs {
		f, ok := byID[c.ID]
		if !ok {
			f = crm.CampaignFigures{CampaignID: c.ID, Name: c.Name, Cost: c.Cost, CostDate: c.StartsOn}
		}
		st, err := ROI(f, conv)
		if err != nil {
			return nil, err
		}
		out[i] = Summary{Campaign: c, Stats: st, Home: conv.Home()}
	}
	return out, nil
}

// FilterInput is a saved filter as edited: ID "" makes a new one.
type FilterInput struct {
	ID     string
	Name   string
	Filter crm.ContactFilter
}

// NormalizeFilter trims f's text, drops empty and repeated tags (case
// folded) and refuses oversized parts.
func NormalizeFilter(f crm.ContactFilter) (crm.ContactFilter, error) {
	var err error
	if f.Query, err = checkText(crm.CodeFilterInvalid, "query", f.Query, maxShortField); err != nil {
		return f, err
	}
	var tags []string
	for _, t := range f.Tags {
		t = crm.CleanLine(t)
		if t == "" || slices.ContainsFunc(tags, func(o string) bool { return strings.EqualFold(o, t) }) {
			continue
		}
		tags = append(tags, t)
	}
	if len(tags) > maxTags {
		return f, crm.FieldError(crm.CodeFilterInvalid, "tags", fmt.Sprintf("a filter takes at most %d tags", maxTags))
	}
	f.Tags = tags
	f.CompanyID = strings.TrimSpace(f.CompanyID)
	return f, nil
}

// SaveFilter validates in and stores it as a new saved contact filter, or
// replaces the name and filter of saved filter in.ID.
func (s *Service) SaveFilter(ctx context.Context, in FilterInput) (crm.SavedFilter, error) {
	name, err := checkText(crm.CodeFilterInvalid, "name", in.Name, maxShortField)
	if err != nil {
		return crm.SavedFilter{}, err
	}
	if name == "" {
		return crm.SavedFilter{}, crm.FieldError(crm.CodeFilterInvalid, "name", "a saved filter needs a name")
	}
	f, err := NormalizeFilter(in.Filter)
	if err != nil {
		return crm.SavedFilter{}, err
	}
	now := s.clock.Now()
	sf := crm.SavedFilter{ID: in.ID, Name: name, Entity: crm.EntityContactFilter, Filter: f, CreatedAt: now, UpdatedAt: now}
	if sf.ID == "" {
		sf.ID = crm.NewID(now)
	} else {
		cur, err := s.store.GetFilter(ctx, sf.ID)
		if err != nil {
			return crm.SavedFilter{}, err
		}
		if cur.DeletedAt != nil {
			return crm.SavedFilter{}, crm.Errorf(crm.CodeNotFound, "saved filter %s was deleted", sf.ID)
		}
		sf.CreatedAt = cur.CreatedAt
	}
	if err := s.store.SaveFilter(ctx, sf); err != nil {
		return crm.SavedFilter{}, err
	}
	return s.store.GetFilter(ctx, sf.ID)
}

// Filters returns the saved contact filters by name.
func (s *Service) Filters(ctx context.Context) ([]crm.SavedFilter, error) {
	return s.store.ListFilters(ctx, crm.EntityContactFilter)
}

// DeleteFilter removes a saved filter. Campaigns targeted from it keep
// their contacts.
func (s *Service) DeleteFilter(ctx context.Context, id string) error {
	return s.store.DeleteFilter(ctx, id, s.clock.Now())
}

// Preview returns the first limit contacts filter f selects and how many
// there are: the count the filter builder shows.
func (s *Service) Preview(ctx context.Context, f crm.ContactFilter, limit int) (crm.ContactPage, error) {
	if limit < 0 || limit > MaxPage {
		return crm.ContactPage{}, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 0 and %d", MaxPage))
	}
	f, err := NormalizeFilter(f)
	if err != nil {
		return crm.ContactPage{}, err
	}
	return s.store.FilterContacts(ctx, f, 0, limit)
}

// Target snapshots the contacts of the campaign's saved filter: contacts
// not targeted yet are added, those already there keep their responses. It
// returns how many were added.
func (s *Service) Target(ctx context.Context, campaignID string) (int, error) {
	c, err := s.store.GetCampaign(ctx, campaignID)
	if err != nil {
		return 0, err
	}
	if c.DeletedAt != nil {
		return 0, crm.Errorf(crm.CodeNotFound, "campaign %s was deleted", campaignID)
	}
	if c.FilterID == "" {
		return 0, crm.FieldError(crm.CodeCampaignNoFilter, "filterId", "pick a saved filter before targeting")
	}
	f, err := s.store.GetFilter(ctx, c.FilterID)
	if err != nil {
		return 0, err
	}
	if f.DeletedAt != nil {
		return 0, crm.FieldError(crm.CodeCampaignNoFilter, "filterId", fmt.Sprintf("the saved filter %q was deleted", f.Name))
	}
	return s.store.TargetCampaign(ctx, campaignID, f.Filter, s.clock.Now())
}

// Contacts returns a window of the campaign's targeted contacts in name
// order and how many there are.
func (s *Service) Contacts(ctx context.Context, campaignID string, offset, limit int) ([]crm.CampaignContact, int, error) {
	if offset < 0 {
		return nil, 0, crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if limit < 0 || limit > MaxPage {
		return nil, 0, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 0 and %d", MaxPage))
	}
	return s.store.CampaignContacts(ctx, campaignID, offset, limit)
}

// RecordResponse marks a contact as having responded to the campaign at
// at (nil: now) with response, a short note ("registered", "replied").
func (s *Service) RecordResponse(ctx context.Context, campaignID, contactID, response string, at *time.Time) error {
	response, err := checkText(crm.CodeCampaignInvalid, "response", response, maxShortField)
	if err != nil {
		return err
	}
	now := s.clock.Now()
	if at == nil {
		at = &now
	}
	return s.store.RecordCampaignResponse(ctx, campaignID, contactID, response, at, now)
}

// ClearResponse takes a contact's response back (the contact stays
// targeted).
func (s *Service) ClearResponse(ctx context.Context, campaignID, contactID string) error {
	return s.store.RecordCampaignResponse(ctx, campaignID, contactID, "", nil, s.clock.Now())
}

// AttributeDeal attributes deal dealID to campaignID ("" detaches it).
func (s *Service) AttributeDeal(ctx context.Context, dealID, campaignID string) error {
	return s.store.SetDealCampaign(ctx, strings.TrimSpace(dealID), strings.TrimSpace(campaignID))
}

// DealCampaign returns the ID of the campaign a deal is attributed to ("").
func (s *Service) DealCampaign(ctx context.Context, dealID string) (string, error) {
	return s.store.DealCampaign(ctx, dealID)
}

// Deals returns the live deals attributed to a campaign, open ones first.
func (s *Service) Deals(ctx context.Context, campaignID string) ([]crm.DealView, error) {
	return s.store.CampaignDeals(ctx, campaignID)
}
