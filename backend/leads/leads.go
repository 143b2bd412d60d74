// Package leads is the use-case layer for leads: validation, the
// rule-based score (recomputed on every change, on a rules change and when
// an activity is logged on a lead), the editable scoring rules, and the
// one-step conversion of a lead into a contact, a company and a deal.
package leads

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

// Store is what this package needs from persistence.
type Store interface {
	CreateLead(ctx context.Context, l crm.Lead) error
	UpdateLead(ctx context.Context, l crm.Lead) error
	DeleteLead(ctx context.Context, id string) error
	RestoreLead(ctx context.Context, id string) error
	GetLead(ctx context.Context, id string) (crm.Lead, error)
	ListLeads(ctx context.Context, f crm.LeadFilter) (crm.LeadPage, error)
	AllLeads(ctx context.Context) ([]crm.Lead, error)
	SetLeadScores(ctx context.Context, scores []crm.LeadScore) error
	LeadEngagement(ctx context.Context, leadID string) (map[string]int, error)
	AllLeadEngagement(ctx context.Context) (map[string]map[string]int, error)
	ConvertLead(ctx context.Context, conv crm.LeadConversion) (crm.ConversionResult, error)
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
	GetPipeline(ctx context.Context, id string) (crm.Pipeline, error)
}

// MaxPage is the largest window List returns at once.
const MaxPage = 500

// rescoreBatch is how many leads one transaction rescores.
const rescoreBatch = 500

const (
	maxShortField = 500
	maxNotes      = 100_000
)

// Service manages leads.
type Service struct {
	store Store
	clock crm.Clock
}

// New returns a Service writing to st and stamping changes with clock.
func New(st Store, clock crm.Clock) *Service {
	return &Service{store: st, clock: clock}
}

// Create validates f, scores it and stores it as a new lead.
func (s *Service) Create(ctx context.Context, f crm.LeadFields) (crm.Lead, error) {
	f, err := Normalize(f)
	if err != nil {
		return crm.Lead{}, err
	}
	rules, err := s.Rules(ctx)
	if err != nil {
		return crm.Lead{}, err
	}
	now := s.clock.Now()
	l := crm.Lead{ID: crm.NewID(now), LeadFields: f, Version: 1, CreatedAt: now, UpdatedAt: now}
	l.Score, l.ScoreReasons = Score(f, nil, rules)
	if err := s.store.CreateLead(ctx, l); err != nil {
		return crm.Lead{}, err
	}
	return l, nil
}

// Update replaces the fields of lead id, edited from baseVersion, and
// rescores it. A converted lead cannot be edited (crm.CodeLeadConverted).
func (s *Service) Update(ctx context.Context, id string, baseVersion int, f crm.LeadFields) (crm.Lead, error) {
	cur, err := s.store.GetLead(ctx, id)
	if err != nil {
		return crm.Lead{}, err
	}
	switch {
	case cur.DeletedAt != nil:
		return crm.Lead{}, crm.Errorf(crm.CodeNotFound, "lead %s was deleted", id)
	case cur.Status == crm.LeadConverted:
		return crm.Lead{}, crm.Errorf(crm.CodeLeadConverted, "lead %s was converted; edit the contact instead", id)
	case cur.Version != baseVersion:
		return crm.Lead{}, crm.Errorf(crm.CodeVersionConflict,
			"lead %s changed elsewhere: it is at version %d, the edit was based on version %d", id, cur.Version, baseVersion)
	}
	if f, err = Normalize(f); err != nil {
		return crm.Lead{}, err
	}
	if cur.LeadFields == f {
		return cur, nil
	}
	rules, err := s.Rules(ctx)
	if err != nil {
		return crm.Lead{}, err
	}
	engagement, err := s.store.LeadEngagement(ctx, id)
	if err != nil {
		return crm.Lead{}, err
	}
	next := cur
	next.LeadFields = f
	next.Version = baseVersion + 1
	next.UpdatedAt = s.clock.Now()
	next.Score, next.ScoreReasons = Score(f, engagement, rules)
	if err := s.store.UpdateLead(ctx, next); err != nil {
		return crm.Lead{}, err
	}
	return s.store.GetLead(ctx, id)
}

// Delete tombstones a lead.
func (s *Service) Delete(ctx context.Context, id string) error { return s.store.DeleteLead(ctx, id) }

// Restore brings a deleted lead back.
func (s *Service) Restore(ctx context.Context, id string) (crm.Lead, error) {
	if err := s.store.RestoreLead(ctx, id); err != nil {
		return crm.Lead{}, err
	}
	return s.store.GetLead(ctx, id)
}

// Get returns one lead.
func (s *Service) Get(ctx context.Context, id string) (crm.Lead, error) {
	return s.store.GetLead(ctx, id)
}

// List returns a window of live leads matching f.
func (s *Service) List(ctx context.Context, f crm.LeadFilter) (crm.LeadPage, error) {
	if f.Offset < 0 {
		return crm.LeadPage{}, crm.FieldError(crm.CodeInvalidInput, "offset", "offset must not be negative")
	}
	if f.Limit <= 0 || f.Limit > MaxPage {
		return crm.LeadPage{}, crm.FieldError(crm.CodeInvalidInput, "limit", fmt.Sprintf("limit must be between 1 and %d", MaxPage))
	}
	if f.Status != "" && !validStatus(f.Status) {
		return crm.LeadPage{}, crm.FieldError(crm.CodeInvalidInput, "status", fmt.Sprintf("%q is not a lead status", f.Status))
	}
	switch f.Sort {
	case "", crm.LeadsByScore, crm.LeadsByName, crm.LeadsByNewest:
	default:
		return crm.LeadPage{}, crm.FieldError(crm.CodeInvalidInput, "sort", fmt.Sprintf("%q is not a lead order", f.Sort))
	}
	return s.store.ListLeads(ctx, f)
}

// Rules returns the scoring rules: the saved ones, or DefaultRules when
// none were saved. A saved rule that no longer validates is left out; a
// setting that is not JSON at all falls back to the defaults.
func (s *Service) Rules(ctx context.Context) ([]crm.ScoringRule, error) {
	v, ok, err := s.store.Setting(ctx, RulesSetting)
	if err != nil {
		return nil, err
	}
	if !ok {
		return DefaultRules(), nil
	}
	rules, _, err := decodeRules(v)
	if err != nil {
		return DefaultRules(), nil
	}
	return rules, nil
}

// SaveRules validates and stores rules (a rule without an ID gets one),
// then rescores every lead. It returns the rules as saved.
func (s *Service) SaveRules(ctx context.Context, rules []crm.ScoringRule) ([]crm.ScoringRule, error) {
	now := s.clock.Now()
	in := make([]crm.ScoringRule, len(rules))
	for i, r := range rules {
		if strings.TrimSpace(r.ID) == "" {
			r.ID = crm.NewID(now)
		}
		in[i] = r
	}
	valid, err := ValidateRules(in)
	if err != nil {
		return nil, err
	}
	if valid == nil {
		valid = []crm.ScoringRule{}
	}
	b, err := json.Marshal(valid)
	if err != nil {
		return nil, fmt.Errorf("leads: encode scoring rules: %w", err)
	}
	if err := s.store.SetSetting(ctx, RulesSetting, string(b)); err != nil {
		return nil, err
	}
	if _, err := s.RescoreAll(ctx); err != nil {
		return nil, err
	}
	return valid, nil
}

// ResetRules forgets the saved rules (back to DefaultRules) and rescores.
func (s *Service) ResetRules(ctx context.Context) ([]crm.ScoringRule, error) {
	return s.SaveRules(ctx, DefaultRules())
}

// RescoreAll recomputes every live lead's score with the current rules and
// engagement, writing those that changed in batches of rescoreBatch leads
// per transaction. It returns how many scores changed.
func (s *Service) RescoreAll(ctx context.Context) (int, error) {
	rules, err := s.Rules(ctx)
	if err != nil {
		return 0, err
	}
	all, err := s.store.AllLeads(ctx)
	if err != nil {
		return 0, err
	}
	engagement, err := s.store.AllLeadEngagement(ctx)
	if err != nil {
		return 0, err
	}
	var batch []crm.LeadScore
	changed := 0
	for _, l := range all {
		score, reasons := Score(l.LeadFields, engagement[l.ID], rules)
		if score == l.Score && sameReasons(reasons, l.ScoreReasons) {
			continue
		}
		batch = append(batch, crm.LeadScore{LeadID: l.ID, Score: score, Reasons: reasons})
		if len(batch) == rescoreBatch {
			if err := s.store.SetLeadScores(ctx, batch); err != nil {
				return changed, err
			}
			changed += len(batch)
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		if err := s.store.SetLeadScores(ctx, batch); err != nil {
			return changed, err
		}
		changed += len(batch)
	}
	return changed, nil
}

// Rescore recomputes one lead's score, as after an activity was logged on
// it, and returns the lead.
func (s *Service) Rescore(ctx context.Context, leadID string) (crm.Lead, error) {
	l, err := s.store.GetLead(ctx, leadID)
	if err != nil {
		return crm.Lead{}, err
	}
	rules, err := s.Rules(ctx)
	if err != nil {
		return crm.Lead{}, err
	}
	engagement, err := s.store.LeadEngagement(ctx, leadID)
	if err != nil {
		return crm.Lead{}, err
	}
	score, reasons := Score(l.LeadFields, engagement, rules)
	if score == l.Score && sameReasons(reasons, l.ScoreReasons) {
		return l, nil
	}
	if err := s.store.SetLeadScores(ctx, []crm.LeadScore{{LeadID: leadID, Score: score, Reasons: reasons}}); err != nil {
		return crm.Lead{}, err
	}
	l.Score, l.ScoreReasons = score, reasons
	return l, nil
}

func sameReasons(a, b []crm.ScoreReason) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func validStatus(st crm.LeadStatus) bool {
	for _, s := range crm.LeadStatuses {
		if s == st {
			return true
		}
	}
	return false
}

// Normalize trims every field and validates the result: a lead needs a
// name or an e-mail address (crm.CodeLeadEmpty); the e-mail must be an
// address; the status one the user may set (not "converted", which only a
// conversion sets; blank means "new").
func Normalize(f crm.LeadFields) (crm.LeadFields, error) {
	short := []struct {
		name string
		v    *string
	}{
		{"name", &f.Name}, {"email", &f.Email}, {"phone", &f.Phone}, {"companyName", &f.CompanyName}, {"title", &f.Title},
		{"source", &f.Source}, {"ownerId", &f.OwnerID}, {"industry", &f.Industry}, {"companySize", &f.CompanySize},
		{"country", &f.Country},
	}
	for _, s := range short {
		*s.v = crm.CleanLine(*s.v)
		if utf8.RuneCountInString(*s.v) > maxShortField {
			return f, crm.FieldError(crm.CodeInvalidInput, s.name, fmt.Sprintf("%s is longer than %d characters", s.name, maxShortField))
		}
	}
	f.Notes = strings.TrimSpace(strings.ToValidUTF8(f.Notes, "\uFFFD"))
	if utf8.RuneCountInString(f.Notes) > maxNotes {
		return f, crm.FieldError(crm.CodeInvalidInput, "notes", fmt.Sprintf("notes are longer than %d characters", maxNotes))
	}
	if f.Name == "" && f.Email == "" {
		return f, crm.FieldError(crm.CodeLeadEmpty, "name", "a lead needs a name or an e-mail address")
	}
	if f.Email != "" {
		if err := crm.ValidateEmail(f.Email); err != nil {
			return f, crm.FieldError(crm.CodeEmailInvalid, "email", err.Error())
		}
	}
	if f.Phone != "" {
		probe := crm.ContactFields{GivenName: "lead", Phones: []crm.LabeledValue{{Label: "work", Value: f.Phone}}}
		if _, err := contacts.Normalize(probe); err != nil {
			return f, crm.FieldError(crm.CodePhoneInvalid, "phone", crm.ErrorMessage(err))
		}
	}
	if f.Status == "" {
		f.Status = crm.LeadNew
	}
	if f.Status == crm.LeadConverted || !validStatus(f.Status) {
		return f, crm.FieldError(crm.CodeInvalidInput, "status", fmt.Sprintf("%q is not a status a lead can be given", f.Status))
	}
	return f, nil
}

// ConvertOptions say what a conversion makes besides the contact.
type ConvertOptions struct {
	// CompanyID links an existing company; when "" and CreateCompany is
	// set, a company named after the lead's company name is made (or the
	// live one with that name linked).
	CompanyID     string
	CreateCompany bool
	// CreateDeal opens a deal in PipelineID at StageID.
	CreateDeal bool
	DealTitle  string
	PipelineID string
	StageID    string
	// Amount is the deal's amount as typed ("1,200.50"; "" for none) in
	// Currency (ISO 4217).
	Amount   string
	Currency string
	OwnerID  string
}

// Convert turns lead id (at baseVersion) into a contact, a company and
// optionally a deal, in one transaction, re-pointing the lead's activities
// to them. The lead stays, with status converted and the new ids. A lead
// converted before gives crm.CodeLeadConverted.
func (s *Service) Convert(ctx context.Context, id string, baseVersion int, opt ConvertOptions) (crm.ConversionResult, error) {
	l, err := s.store.GetLead(ctx, id)
	if err != nil {
		return crm.ConversionResult{}, err
	}
	switch {
	case l.DeletedAt != nil:
		return crm.ConversionResult{}, crm.Errorf(crm.CodeNotFound, "lead %s was deleted", id)
	case l.Status == crm.LeadConverted:
		return crm.ConversionResult{}, crm.Errorf(crm.CodeLeadConverted, "lead %s was already converted", id)
	case l.Version != baseVersion:
		return crm.ConversionResult{}, crm.Errorf(crm.CodeVersionConflict,
			"lead %s changed elsewhere: it is at version %d, the conversion was based on version %d", id, l.Version, baseVersion)
	}
	now := s.clock.Now()
	fields, err := contacts.Normalize(ContactFields(l.LeadFields))
	if err != nil {
		return crm.ConversionResult{}, err
	}
	conv := crm.LeadConversion{
		LeadID: id, BaseVersion: baseVersion, At: now,
		Contact:   crm.Contact{ID: crm.NewID(now), ContactFields: fields, Version: 1, CreatedAt: now, UpdatedAt: now},
		CompanyID: strings.TrimSpace(opt.CompanyID),
	}
	if conv.CompanyID != "" {
		conv.Contact.Company = "" // the store sets the linked company's name
	} else if opt.CreateCompany && crm.CompanyKey(l.CompanyName) != "" {
		conv.NewCompany = &crm.Company{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
			CompanyFields: crm.CompanyFields{Name: l.CompanyName, Industry: l.Industry, Size: l.CompanySize,
				Address: companyAddress(l.Country)}}
	} else {
		conv.Contact.Company = ""
	}
	if opt.CreateDeal {
		if opt.PipelineID, opt.StageID, err = s.stageFor(ctx, opt.PipelineID, opt.StageID); err != nil {
			return crm.ConversionResult{}, err
		}
		d, err := dealFor(l, opt, now)
		if err != nil {
			return crm.ConversionResult{}, err
		}
		conv.Deal = &d
	}
	return s.store.ConvertLead(ctx, conv)
}

// companyAddress is a company's address from a lead's country.
func companyAddress(country string) crm.Address {
	if country == "" {
		return crm.Address{}
	}
	return crm.Address{Label: "work", Country: country}
}

// ContactFields is the contact a lead becomes: its name split into given
// and family name at the last space, its e-mail and phone as work details,
// its title, company and notes.
func ContactFields(l crm.LeadFields) crm.ContactFields {
	f := crm.ContactFields{Company: l.CompanyName, Title: l.Title, Notes: l.Notes}
	name := strings.TrimSpace(l.Name)
	if i := strings.LastIndex(name, " "); i > 0 {
		f.GivenName, f.FamilyName = strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
	} else {
		f.GivenName = name
	}
	if l.Email != "" {
		f.Emails = []crm.LabeledValue{{Label: "work", Value: l.Email}}
	}
	if l.Phone != "" {
		f.Phones = []crm.LabeledValue{{Label: "work", Value: l.Phone}}
	}
	return f
}

// stageFor checks that stage is a stage of pipeline; a blank pipeline
// means the default one, a blank stage the pipeline's first stage.
func (s *Service) stageFor(ctx context.Context, pipeline, stage string) (string, string, error) {
	pipeline, stage = strings.TrimSpace(pipeline), strings.TrimSpace(stage)
	if pipeline == "" {
		pipeline = crm.DefaultPipelineID
	}
	p, err := s.store.GetPipeline(ctx, pipeline)
	if err != nil {
		return "", "", err
	}
	if len(p.Stages) == 0 {
		return "", "", crm.FieldError(crm.CodeDealInvalid, "pipelineId", fmt.Sprintf("pipeline %s has no stages", p.Name))
	}
	if stage == "" {
		return p.ID, p.Stages[0].ID, nil
	}
	for _, st := range p.Stages {
		if st.ID == stage {
			return p.ID, stage, nil
		}
	}
	return "", "", crm.FieldError(crm.CodeDealInvalid, "stageId", fmt.Sprintf("stage %s is not a stage of pipeline %s", stage, p.Name))
}

// dealFor is the deal a conversion opens.
func dealFor(l crm.Lead, opt ConvertOptions, now time.Time) (crm.Deal, error) {
	title := crm.CleanLine(opt.DealTitle)
	if title == "" {
		title = l.CompanyName
		if title == "" {
			title = l.Name
		}
		if title == "" {
			title = l.Email
		}
	}
	if utf8.RuneCountInString(title) > maxShortField {
		return crm.Deal{}, crm.FieldError(crm.CodeInvalidInput, "dealTitle", "the deal title is too long")
	}
	var amount crm.Money
	code := strings.TrimSpace(opt.Currency)
	if strings.TrimSpace(opt.Amount) != "" || code != "" {
		if code == "" {
			return crm.Deal{}, crm.FieldError(crm.CodeCurrencyInvalid, "currency", "an amount needs a currency")
		}
		text := opt.Amount
		if strings.TrimSpace(text) == "" {
			text = "0"
		}
		m, err := money.Parse(text, code)
		if err != nil {
			return crm.Deal{}, err
		}
		amount = m
	}
	owner := crm.CleanLine(opt.OwnerID)
	if owner == "" {
		owner = l.OwnerID
	}
	return crm.Deal{
		ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now,
		DealFields: crm.DealFields{Title: title, PipelineID: opt.PipelineID, StageID: opt.StageID, Status: crm.DealOpen,
			Amount: amount, OwnerID: owner, LeadID: l.ID},
	}, nil
}
