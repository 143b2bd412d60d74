package app

import (
	"context"

	"fieldbook/backend/campaigns"
	"fieldbook/backend/crm"
)

// EventCampaignsChanged follows every change to a campaign, a saved filter,
// a targeted contact's response or a deal's attribution.
const EventCampaignsChanged = "campaigns:changed"

// CampaignStats are a campaign's results. Ratios are basis points (1/100 of
// a percent): null when undefined (nobody targeted; a zero cost or a
// missing exchange rate for the ROI). Money is in the home currency.
type CampaignStats struct {
	Targeted     int    `json:"targeted"`
	Responded    int    `json:"responded"`
	ResponseRate *int64 `json:"responseRate"`
	Deals        int    `json:"deals"`
	Won          int    `json:"won"`
	Revenue      Money  `json:"revenue"`
	Cost         *Money `json:"cost"`
	ROI          *int64 `json:"roi"`
	// MissingRates lists currencies without a rate into the home currency.
	MissingRates []string `json:"missingRates"`
	HomeCurrency string   `json:"homeCurrency"`
}

// Campaign is a campaign as the list, the detail and the editor show it.
type Campaign struct {
	ID        string        `json:"id"`
	Version   int           `json:"version"`
	Name      string        `json:"name"`
	Channel   string        `json:"channel"`
	Cost      Money         `json:"cost"`
	StartsOn  string        `json:"startsOn"`
	EndsOn    string        `json:"endsOn"`
	FilterID  string        `json:"filterId"`
	OwnerID   string        `json:"ownerId"`
	Notes     string        `json:"notes"`
	CreatedAt string        `json:"createdAt"`
	UpdatedAt string        `json:"updatedAt"`
	Stats     CampaignStats `json:"stats"`
}

// CampaignInput is a campaign as typed: the cost as text in currency
// ("" = the home currency), dates YYYY-MM-DD or "".
type CampaignInput struct {
	Name     string `json:"name"`
	Channel  string `json:"channel"`
	Cost     string `json:"cost"`
	Currency string `json:"currency"`
	StartsOn string `json:"startsOn"`
	EndsOn   string `json:"endsOn"`
	FilterID string `json:"filterId"`
	OwnerID  string `json:"ownerId"`
	Notes    string `json:"notes"`
}

// ContactFilter selects contacts: text (word prefixes, like the contacts
// search), every tag, a company, having an e-mail address.
type ContactFilter struct {
	Query     string   `json:"query"`
	Tags      []string `json:"tags"`
	CompanyID string   `json:"companyId"`
	HasEmail  bool     `json:"hasEmail"`
}

// SavedFilter is a named contact filter.
type SavedFilter struct {
	ID     string        `json:"id"`
	Name   string        `json:"name"`
	Filter ContactFilter `json:"filter"`
}

// SavedFilterInput is a new saved filter (ID "") or an edit.
type SavedFilterInput struct {
	ID     string        `json:"id"`
	Name   string        `json:"name"`
	Filter ContactFilter `json:"filter"`
}

// FilterPreview is how many contacts a filter selects and the first few.
type FilterPreview struct {
	Total  int              `json:"total"`
	Sample []ContactSummary `json:"sample"`
}

// CampaignContact is a targeted contact and its response (respondedAt ""
// when it has not responded).
type CampaignContact struct {
	ContactID   string `json:"contactId"`
	Name        string `json:"name"`
	Email       string `json:"email"`
	AddedAt     string `json:"addedAt"`
	RespondedAt string `json:"respondedAt"`
	Response    string `json:"response"`
}

// CampaignContactPage is a window of a campaign's targeted contacts.
type CampaignContactPage struct {
	Items  []CampaignContact `json:"items"`
	Total  int               `json:"total"`
	Offset int               `json:"offset"`
}

// CampaignDeal is a deal attributed to a campaign.
type CampaignDeal struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Status    string `json:"status"`
	StageName string `json:"stageName"`
	Amount    Money  `json:"amount"`
	ClosedAt  string `json:"closedAt"`
}

// CampaignsService is bound to the front end: the campaigns area, its
// editor and saved-filter builder, targeting, responses and attributed
// deals (also the Campaign select of the deal editor).
type CampaignsService struct {
	ctx    context.Context
	svc    *campaigns.Service
	lang   func() string
	events Emitter
}

// NewCampaignsService wraps the campaigns use cases for the binding; lang
// gives the UI language amounts are written for.
func NewCampaignsService(ctx context.Context, svc *campaigns.Service, lang func() string, events Emitter) *CampaignsService {
	return &CampaignsService{ctx: ctx, svc: svc, lang: lang, events: events}
}

// List returns the live campaigns with their results, the latest start first.
func (s *CampaignsService) List() ([]Campaign, error) {
	sums, err := s.svc.List(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Campaign, len(sums))
	for i, c := range sums {
		out[i] = toCampaignDTO(c, s.lang())
	}
	return out, nil
}

// Get returns one campaign with its results.
func (s *CampaignsService) Get(id string) (Campaign, error) {
	c, err := s.svc.Get(s.ctx, id)
	if err != nil {
		return Campaign{}, err
	}
	return toCampaignDTO(c, s.lang()), nil
}

// Stats returns a campaign's results.
func (s *CampaignsService) Stats(id string) (CampaignStats, error) {
	c, err := s.svc.Get(s.ctx, id)
	if err != nil {
		return CampaignStats{}, err
	}
	return toCampaignStatsDTO(c.Stats, c.Home, s.lang()), nil
}

// Create adds a campaign.
func (s *CampaignsService) Create(in CampaignInput) (Campaign, error) {
	c, err := s.svc.Create(s.ctx, in.toInput())
	if err != nil {
		return Campaign{}, err
	}
	return s.changed(c.ID)
}

// Update saves an edit made to the given version of campaign id.
func (s *CampaignsService) Update(id string, version int, in CampaignInput) (Campaign, error) {
	if _, err := s.svc.Update(s.ctx, id, version, in.toInput()); err != nil {
		return Campaign{}, err
	}
	return s.changed(id)
}

// Delete removes a campaign (Restore undoes it).
func (s *CampaignsService) Delete(id string) error {
	return s.emit(s.svc.Delete(s.ctx, id))
}

// Restore brings a deleted campaign back.
func (s *CampaignsService) Restore(id string) (Campaign, error) {
	if _, err := s.svc.Restore(s.ctx, id); err != nil {
		return Campaign{}, err
	}
	return s.changed(id)
}

// Filters returns the saved contact filters by name.
func (s *CampaignsService) Filters() ([]SavedFilter, error) {
	fs, err := s.svc.Filters(s.ctx)
	if err != nil {
		return nil, err
	}
	out := make([]SavedFilter, len(fs))
	for i, f := range fs {
		out[i] = toSavedFilterDTO(f)
	}
	return out, nil
}

// SaveFilter adds a saved contact filter or edits one.
func (s *CampaignsService) SaveFilter(in SavedFilterInput) (SavedFilter, error) {
	f, err := s.svc.SaveFilter(s.ctx, campaigns.FilterInput{ID: in.ID, Name: in.Name, Filter: in.Filter.toCRM()})
	if err != nil {
		return SavedFilter{}, err
	}
	s.events.Emit(EventCampaignsChanged)
	return toSavedFilterDTO(f), nil
}

// DeleteFilter removes a saved filter; campaigns keep their contacts.
func (s *CampaignsService) DeleteFilter(id string) error {
	return s.emit(s.svc.DeleteFilter(s.ctx, id))
}

// PreviewFilter returns how many contacts f selects and the first limit.
func (s *CampaignsService) PreviewFilter(f ContactFilter, limit int) (FilterPreview, error) {
	page, err := s.svc.Preview(s.ctx, f.toCRM(), limit)
	if err != nil {
		return FilterPreview{}, err
	}
	out := FilterPreview{Total: page.Total, Sample: make([]ContactSummary, len(page.Items))}
	for i, c := range page.Items {
		out.Sample[i] = toSummary(c)
	}
	return out, nil
}

// Target adds the contacts of the campaign's saved filter it does not
// target yet (responses are kept) and returns how many were added.
func (s *CampaignsService) Target(campaignID string) (int, error) {
	n, err := s.svc.Target(s.ctx, campaignID)
	if err != nil {
		return 0, err
	}
	s.events.Emit(EventCampaignsChanged)
	return n, nil
}

// Contacts returns a window of the campaign's targeted contacts by name.
func (s *CampaignsService) Contacts(campaignID string, offset, limit int) (CampaignContactPage, error) {
	rows, total, err := s.svc.Contacts(s.ctx, campaignID, offset, limit)
	if err != nil {
		return CampaignContactPage{}, err
	}
	out := CampaignContactPage{Items: make([]CampaignContact, len(rows)), Total: total, Offset: offset}
	for i, r := range rows {
		out.Items[i] = CampaignContact{ContactID: r.ContactID, Name: r.Name, Email: r.Email, AddedAt: rfc3339(r.AddedAt), Response: r.Response}
		if r.RespondedAt != nil {
			out.Items[i].RespondedAt = rfc3339(*r.RespondedAt)
		}
	}
	return out, nil
}

// RecordResponse marks a contact as having responded now with response
// (responded true), or takes its response back (responded false).
func (s *CampaignsService) RecordResponse(campaignID, contactID, response string, responded bool) error {
	if !responded {
		return s.emit(s.svc.ClearResponse(s.ctx, campaignID, contactID))
	}
	return s.emit(s.svc.RecordResponse(s.ctx, campaignID, contactID, response, nil))
}

// AttributeDeal attributes a deal to a campaign ("" detaches it).
func (s *CampaignsService) AttributeDeal(dealID, campaignID string) error {
	return s.emit(s.svc.AttributeDeal(s.ctx, dealID, campaignID))
}

// DealCampaign returns the ID of the campaign a deal is attributed to ("").
func (s *CampaignsService) DealCampaign(dealID string) (string, error) {
	return s.svc.DealCampaign(s.ctx, dealID)
}

// Deals returns the deals attributed to a campaign, open ones first.
func (s *CampaignsService) Deals(campaignID string) ([]CampaignDeal, error) {
	ds, err := s.svc.Deals(s.ctx, campaignID)
	if err != nil {
		return nil, err
	}
	out := make([]CampaignDeal, len(ds))
	for i, d := range ds {
		out[i] = CampaignDeal{ID: d.ID, Title: d.Title, Status: string(d.Status), StageName: d.StageName, Amount: toMoneyDTO(d.Amount, s.lang())}
		if d.ClosedAt != nil {
			out[i].ClosedAt = rfc3339(*d.ClosedAt)
		}
	}
	return out, nil
}

func (s *CampaignsService) emit(err error) error {
	if err != nil {
		return err
	}
	s.events.Emit(EventCampaignsChanged)
	return nil
}

// changed emits campaigns:changed and returns campaign id read back.
func (s *CampaignsService) changed(id string) (Campaign, error) {
	s.events.Emit(EventCampaignsChanged)
	return s.Get(id)
}

func (in CampaignInput) toInput() campaigns.Input {
	return campaigns.Input{Name: in.Name, Channel: in.Channel, Cost: in.Cost, Currency: in.Currency, StartsOn: in.StartsOn,
		EndsOn: in.EndsOn, FilterID: in.FilterID, OwnerID: in.OwnerID, Notes: in.Notes}
}

func (f ContactFilter) toCRM() crm.ContactFilter {
	return crm.ContactFilter{Query: f.Query, Tags: f.Tags, CompanyID: f.CompanyID, HasEmail: f.HasEmail}
}

func toSavedFilterDTO(f crm.SavedFilter) SavedFilter {
	tags := f.Filter.Tags
	if tags == nil {
		tags = []string{}
	}
	return SavedFilter{ID: f.ID, Name: f.Name, Filter: ContactFilter{Query: f.Filter.Query, Tags: tags,
		CompanyID: f.Filter.CompanyID, HasEmail: f.Filter.HasEmail}}
}

func toCampaignStatsDTO(st campaigns.Stats, home, lang string) CampaignStats {
	out := CampaignStats{Targeted: st.Targeted, Responded: st.Responded, ResponseRate: st.ResponseRateBP, Deals: st.Deals,
		Won: st.Won, Revenue: toMoneyDTO(st.Revenue, lang), Cost: toMoneyPtr(st.Cost, lang), ROI: st.ROIBP,
		MissingRates: st.Missing, HomeCurrency: home}
	if out.MissingRates == nil {
		out.MissingRates = []string{}
	}
	if out.Revenue.Currency == "" {
		out.Revenue = toMoneyDTO(crm.Money{Currency: home}, lang)
	}
	return out
}

func toCampaignDTO(c campaigns.Summary, lang string) Campaign {
	return Campaign{ID: c.ID, Version: c.Version, Name: c.Name, Channel: string(c.Channel), Cost: toMoneyDTO(c.Cost, lang),
		StartsOn: c.StartsOn, EndsOn: c.EndsOn, FilterID: c.FilterID, OwnerID: c.OwnerID, Notes: c.Notes,
		CreatedAt: rfc3339(c.CreatedAt), UpdatedAt: rfc3339(c.UpdatedAt), Stats: toCampaignStatsDTO(c.Stats, c.Home, lang)}
}
