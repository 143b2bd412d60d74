package deals

import (
	"context"
	"fmt"
	"strings"

	"fieldbook/backend/crm"
)

// PipelineInput is a new pipeline (ID "") or an edit of one. Stages are in
// board order; a stage without ID is new; a live stage left out is removed
// (refused with crm.CodeStageNotEmpty while it holds open deals).
type PipelineInput struct {
	ID     string
	Name   string
	Stages []StageInput
}

// StageInput is one stage of a PipelineInput.
type StageInput struct {
	ID          string
	Name        string
	Probability int
}

// Pipelines returns the live pipelines with their stages, in order.
func (s *Service) Pipelines(ctx context.Context) ([]crm.Pipeline, error) {
	return s.store.Pipelines(ctx)
}

// SavePipeline validates in and stores it: the name and each stage's name
// are required, stage names are unique in the pipeline (case ignored),
// probabilities are 0..100, and a pipeline has at least one stage.
func (s *Service) SavePipeline(ctx context.Context, in PipelineInput) (crm.Pipeline, error) {
	name, err := checkText("name", in.Name, maxShortField)
	if err != nil {
		return crm.Pipeline{}, err
	}
	if name == "" {
		return crm.Pipeline{}, crm.FieldError(crm.CodeDealInvalid, "name", "a pipeline needs a name")
	}
	if len(in.Stages) == 0 {
		return crm.Pipeline{}, crm.FieldError(crm.CodeDealInvalid, "stages", "a pipeline needs at least one stage")
	}
	now := s.clock.Now()
	p := crm.Pipeline{ID: strings.TrimSpace(in.ID), Name: name}
	known := map[string]bool{}
	if p.ID == "" {
		all, err := s.store.Pipelines(ctx)
		if err != nil {
			return crm.Pipeline{}, err
		}
		p.ID, p.Position = crm.NewID(now), len(all)
		for _, o := range all {
			p.Position = max(p.Position, o.Position+1)
		}
	} else {
		cur, err := s.store.GetPipeline(ctx, p.ID)
		if err != nil {
			return crm.Pipeline{}, err
		}
		p.Position = cur.Position
		for _, st := range cur.Stages {
			known[st.ID] = true
		}
	}
	names := map[string]bool{}
	for i, in := range in.Stages {
		field := fmt.Sprintf("stages.%d", i)
		st := crm.Stage{ID: strings.TrimSpace(in.ID), PipelineID: p.ID, Position: i, Probability: in.Probability}
		if st.Name, err = checkText(field+".name", in.Name, maxShortField); err != nil {
			return crm.Pipeline{}, err
		}
		key := strings.ToLower(st.Name)
		switch {
		case st.Name == "":
			return crm.Pipeline{}, crm.FieldError(crm.CodeDealInvalid, field+".name", "a stage needs a name")
		case names[key]:
			return crm.Pipeline{}, crm.FieldError(crm.CodeDealInvalid, field+".name", fmt.Sprintf("there are two stages called %q", st.Name))
		case st.Probability < 0 || st.Probability > 100:
			return crm.Pipeline{}, crm.FieldError(crm.CodeDealInvalid, field+".probability", "the probability is a percentage from 0 to 100")
		case st.ID != "" && !known[st.ID]:
			return crm.Pipeline{}, crm.FieldError(crm.CodeDealInvalid, field, fmt.Sprintf("stage %s is not a stage of this pipeline", st.ID))
		}
		names[key] = true
		if st.ID == "" {
			st.ID = crm.NewID(now)
		}
		delete(known, st.ID) // the same stage twice is the second time unknown
		p.Stages = append(p.Stages, st)
	}
	if err := s.store.SavePipeline(ctx, p, now); err != nil {
		return crm.Pipeline{}, err
	}
	return s.store.GetPipeline(ctx, p.ID)
}

// DeletePipeline removes a pipeline without deals; the last pipeline stays.
func (s *Service) DeletePipeline(ctx context.Context, id string) error {
	all, err := s.store.Pipelines(ctx)
	if err != nil {
		return err
	}
	if len(all) == 1 && all[0].ID == id {
		return crm.Errorf(crm.CodeDealInvalid, "the last pipeline cannot be deleted")
	}
	return s.store.DeletePipeline(ctx, id, s.clock.Now())
}
