package leads

import (
	"errors"
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func TestScoreWithDefaultRulesHandComputed(t *testing.T) {
	lead := crm.LeadFields{Name: "Mo", Source: "Trade show", Title: "VP Sales", CompanySize: "501-1000", Email: "mo@x.test"}
	engagement := map[string]int{"call": 5, "meeting": 1, "note": 4}
	score, reasons := Score(lead, engagement, DefaultRules())
	// trade show 15 + title "vp" 10 + size 10 + e-mail 5 + 3 calls × 5 (capped) + meeting 15 = 70
	if score != 70 {
		t.Errorf("score %d, want 70", score)
	}
	want := []crm.ScoreReason{
		{RuleID: "source-trade-show", Label: "Source: trade show", Points: 15},
		{RuleID: "fit-title", Label: "Senior title", Points: 10},
		{RuleID: "fit-size", Label: "Company of 51-1000 people", Points: 10},
		{RuleID: "fit-email", Label: "E-mail known", Points: 5},
		{RuleID: "engagement-calls", Label: "Logged calls (up to 3)", Points: 15},
		{RuleID: "engagement-meeting", Label: "Meeting held", Points: 15},
	}
	if !slices.Equal(reasons, want) {
		t.Errorf("reasons\n got %+v\nwant %+v", reasons, want)
	}
}

func TestScoreEdgeCases(t *testing.T) {
	rules := []crm.ScoringRule{
		{ID: "cold", Label: "Cold", Kind: crm.RuleSource, Op: crm.OpEquals, Value: "cold_list", Points: 0},
		{ID: "far", Label: "Far away", Kind: crm.RuleField, Field: "country", Op: crm.OpEquals, Value: "Atlantis, Mu", Points: -20},
		{ID: "calls", Label: "Every call", Kind: crm.RuleEngagement, Field: "call", Op: crm.OpEach, Points: 2},
		{ID: "mails", Label: "Two e-mails", Kind: crm.RuleEngagement, Field: "email", Op: crm.OpCountAtLeast, Value: "2", Points: 7},
		{ID: "bad", Label: "Unknown field", Kind: crm.RuleField, Field: "shoe_size", Op: crm.OpIsSet, Points: 99},
	}
	cases := []struct {
		name       string
		lead       crm.LeadFields
		engagement map[string]int
		score      int
		ids        []string
	}{
		{"nothing matches", crm.LeadFields{Name: "A", Source: "web"}, nil, 0, nil},
		{"zero-point rule still shown", crm.LeadFields{Source: "Cold List"}, nil, 0, []string{"cold"}},
		{"negative points, second alternative", crm.LeadFields{Country: " mu "}, nil, -20, []string{"far"}},
		{"no cap on each", crm.LeadFields{}, map[string]int{"call": 11}, 22, []string{"calls"}},
		{"count below threshold", crm.LeadFields{}, map[string]int{"email": 1}, 0, nil},
		{"count at threshold", crm.LeadFields{}, map[string]int{"email": 2, "call": 1}, 9, []string{"calls", "mails"}},
	}
	for _, c := range cases {
		score, reasons := Score(c.lead, c.engagement, rules)
		var ids []string
		for _, r := range reasons {
			ids = append(ids, r.RuleID)
		}
		if score != c.score || !slices.Equal(ids, c.ids) {
			t.Errorf("%s: score %d reasons %v, want %d %v", c.name, score, ids, c.score, c.ids)
		}
	}
}

func TestValidateRules(t *testing.T) {
	if _, err := ValidateRules(DefaultRules()); err != nil {
		t.Fatalf("default rules: %v", err)
	}
	ok := crm.ScoringRule{ID: "a", Label: "A", Kind: crm.RuleField, Field: "title", Op: crm.OpContains, Value: "ceo", Points: 5}
	bad := []struct {
		name  string
		edit  func(r *crm.ScoringRule)
		field string
	}{
		{"no id", func(r *crm.ScoringRule) { r.ID = " " }, "rules[1].id"},
		{"duplicate id", func(r *crm.ScoringRule) { r.ID = "a" }, "rules[1].id"},
		{"no label", func(r *crm.ScoringRule) { r.Label = "" }, "rules[1].label"},
		{"unknown kind", func(r *crm.ScoringRule) { r.Kind = "mood" }, "rules[1].kind"},
		{"unknown field", func(r *crm.ScoringRule) { r.Field = "shoe_size" }, "rules[1].field"},
		{"op of another kind", func(r *crm.ScoringRule) { r.Op = crm.OpEach }, "rules[1].op"},
		{"blank value", func(r *crm.ScoringRule) { r.Value = " , " }, "rules[1].value"},
		{"points too high", func(r *crm.ScoringRule) { r.Points = 1001 }, "rules[1].points"},
		{"source with contains", func(r *crm.ScoringRule) { r.Kind = crm.RuleSource }, "rules[1].op"},
		{"engagement of unknown kind", func(r *crm.ScoringRule) {
			r.Kind, r.Field, r.Op, r.Value = crm.RuleEngagement, "fax", crm.OpCountAtLeast, "1"
		}, "rules[1].field"},
		{"count of zero", func(r *crm.ScoringRule) {
			r.Kind, r.Field, r.Op, r.Value = crm.RuleEngagement, "call", crm.OpCountAtLeast, "0"
		}, "rules[1].value"},
		{"limit not a number", func(r *crm.ScoringRule) {
			r.Kind, r.Field, r.Op, r.Value = crm.RuleEngagement, "call", crm.OpEach, "three"
		}, "rules[1].value"},
	}
	for _, b := range bad {
		r := ok
		r.ID = "b"
		b.edit(&r)
		_, err := ValidateRules([]crm.ScoringRule{ok, r})
		var e *crm.Error
		if crm.ErrorCode(err) != crm.CodeScoringRuleInvalid || !asError(err, &e) || e.Field != b.field {
			t.Errorf("%s: %v, want %s on %s", b.name, err, crm.CodeScoringRuleInvalid, b.field)
		}
	}
	out, err := ValidateRules([]crm.ScoringRule{{ID: " s ", Label: " Src ", Kind: crm.RuleSource, Field: "title", Op: crm.OpEquals, Value: "web", Points: 1},
		{ID: "t", Label: "Set", Kind: crm.RuleField, Field: "phone", Op: crm.OpIsSet, Value: "junk", Points: 1}})
	if err != nil || out[0].ID != "s" || out[0].Label != "Src" || out[0].Field != "source" || out[1].Value != "" {
		t.Errorf("normalised rules %+v, %v", out, err)
	}
	tooMany := make([]crm.ScoringRule, MaxRules+1)
	if _, err := ValidateRules(tooMany); crm.ErrorCode(err) != crm.CodeScoringRuleInvalid {
		t.Errorf("too many rules: %v", err)
	}
}

func TestDecodeRulesSkipsBadRules(t *testing.T) {
	rules, skipped, err := decodeRules(`[{"id":"a","label":"A","kind":"source","op":"equals","value":"web","points":3},
		{"id":"b","label":"B","kind":"source","op":"contains","value":"web","points":3}, {"nonsense": true}]`)
	if err != nil || len(rules) != 1 || rules[0].ID != "a" || skipped != 2 {
		t.Errorf("rules %+v skipped %d err %v", rules, skipped, err)
	}
	if _, _, err := decodeRules(`{not json`); err == nil {
		t.Error("broken JSON was read")
	}
}

func asError(err error, target **crm.Error) bool { return errors.As(err, target) }
