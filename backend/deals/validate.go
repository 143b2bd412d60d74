package deals

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fieldbook/backend/crm"
	"fieldbook/backend/money"
)

const (
	maxShortField = 500
	maxNotes      = 100_000
)

// Input is a deal as typed in the editor: the amount as text in Currency
// (parsed by backend/money, never a float).
type Input struct {
	Title      string
	PipelineID string // "" = the first pipeline
	StageID    string // "" = the pipeline's first stage
	Amount     string // "" = 0
	Currency   string // "" = the home currency
	// Probability overrides the stage's default (nil = the stage's).
	Probability   *int
	ExpectedClose string // YYYY-MM-DD or ""
	OwnerID       string
	CompanyID     string
	ContactIDs    []string
	Notes         string
	// LeadID is the lead the deal comes from (kept on create only).
	LeadID string
}

func checkText(field, s string, limit int) (string, error) {
	s = crm.CleanLine(s)
	if utf8.RuneCountInString(s) > limit {
		return s, crm.FieldError(crm.CodeDealInvalid, field, fmt.Sprintf("%s is longer than %d characters", field, limit))
	}
	return s, nil
}

// validate checks in and returns the deal fields it gives (Status, LeadID
// and CloseReason left for the caller). Errors are *crm.Error naming the
// field.
func (s *Service) validate(ctx context.Context, in Input) (crm.DealFields, error) {
	var f crm.DealFields
	var err error
	if f.Title, err = checkText("title", in.Title, maxShortField); err != nil {
		return f, err
	}
	if f.Title == "" {
		return f, crm.FieldError(crm.CodeDealInvalid, "title", "a deal needs a title")
	}
	p, err := s.pipeline(ctx, strings.TrimSpace(in.PipelineID))
	if err != nil {
		if crm.ErrorCode(err) == crm.CodeNotFound {
			return f, crm.FieldError(crm.CodeDealInvalid, "pipelineId", fmt.Sprintf("pipeline %s does not exist", in.PipelineID))
		}
		return f, err
	}
	f.PipelineID = p.ID
	stage := strings.TrimSpace(in.StageID)
	if stage == "" {
		if len(p.Stages) == 0 {
			return f, crm.FieldError(crm.CodeDealInvalid, "stageId", fmt.Sprintf("pipeline %q has no stages", p.Name))
		}
		stage = p.Stages[0].ID
	}
	if _, ok := stageOf(p, stage); !ok {
		return f, crm.FieldError(crm.CodeDealInvalid, "stageId", fmt.Sprintf("stage %s is not a stage of pipeline %q", stage, p.Name))
	}
	f.StageID = stage
	if f.Amount, err = s.amount(ctx, in.Amount, in.Currency); err != nil {
		return f, err
	}
	if in.Probability != nil {
		if *in.Probability < 0 || *in.Probability > 100 {
			return f, crm.FieldError(crm.CodeDealInvalid, "probability", "the probability is a percentage from 0 to 100")
		}
		p := *in.Probability
		f.Probability = &p
	}
	f.ExpectedClose = strings.TrimSpace(in.ExpectedClose)
	if f.ExpectedClose != "" {
		if _, err := time.Parse(time.DateOnly, f.ExpectedClose); err != nil {
			return f, crm.FieldError(crm.CodeDateInvalid, "expectedClose", fmt.Sprintf("%q is not a date (YYYY-MM-DD)", in.ExpectedClose))
		}
	}
	if f.OwnerID, err = checkText("ownerId", in.OwnerID, maxShortField); err != nil {
		return f, err
	}
	if f.CompanyID, err = checkText("companyId", in.CompanyID, maxShortField); err != nil {
		return f, err
	}
	seen := map[string]bool{}
	for _, c := range in.ContactIDs {
		if c = strings.TrimSpace(c); c != "" && !seen[c] {
			seen[c] = true
			f.ContactIDs = append(f.ContactIDs, c)
		}
	}
	f.Notes = strings.TrimSpace(strings.ToValidUTF8(in.Notes, "\uFFFD"))
	if utf8.RuneCountInString(f.Notes) > maxNotes {
		return f, crm.FieldError(crm.CodeDealInvalid, "notes", fmt.Sprintf("notes are longer than %d characters", maxNotes))
	}
	return f, nil
}

// amount parses a form's amount (money.ParseAmount); a blank code is the
// home currency.
func (s *Service) amount(ctx context.Context, text, code string) (crm.Money, error) {
	return money.ParseAmount(text, code, "amount", func() (string, error) {
		conv, err := s.rates.Converter(ctx)
		if err != nil {
			return "", err
		}
		return conv.Home(), nil
	})
}

// pipeline returns pipeline id, or the first pipeline when id is "".
func (s *Service) pipeline(ctx context.Context, id string) (crm.Pipeline, error) {
	if id != "" {
		return s.store.GetPipeline(ctx, id)
	}
	ps, err := s.store.Pipelines(ctx)
	if err != nil {
		return crm.Pipeline{}, err
	}
	if len(ps) == 0 {
		return crm.Pipeline{}, crm.Errorf(crm.CodeNotFound, "there is no pipeline")
	}
	return ps[0], nil
}

func stageOf(p crm.Pipeline, id string) (crm.Stage, bool) {
	for _, s := range p.Stages {
		if s.ID == id {
			return s, true
		}
	}
	return crm.Stage{}, false
}
