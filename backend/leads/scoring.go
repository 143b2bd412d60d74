package leads

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fieldbook/backend/crm"
)

// RulesSetting is the settings key the scoring rules are stored under (JSON).
const RulesSetting = "lead_scoring_rules"

// MaxRules is how many scoring rules a database may have.
const MaxRules = 100

// MaxRulePoints bounds a rule's points either way.
const MaxRulePoints = 1000

// RuleFields are the lead fields a RuleField rule can look at.
var RuleFields = []string{"name", "email", "phone", "company_name", "title", "source", "industry", "company_size", "country"}

// ActivityKinds are the activity kinds an engagement rule can count
// (the activities table's kind column).
var ActivityKinds = []string{"call", "email", "meeting", "visit", "note"}

// DefaultRules are the scoring rules a new database starts with: points for
// the source, for fit (a senior title, a mid-sized company, a way to reach
// the lead) and for engagement (logged calls, a meeting held, e-mails).
func DefaultRules() []crm.ScoringRule {
	return []crm.ScoringRule{
		{ID: "source-referral", Label: "Source: referral", Kind: crm.RuleSource, Field: "source", Op: crm.OpEquals, Value: crm.SourceReferral, Points: 20},
		{ID: "source-web", Label: "Source: web", Kind: crm.RuleSource, Field: "source", Op: crm.OpEquals, Value: crm.SourceWeb, Points: 10},
		{ID: "source-trade-show", Label: "Source: trade show", Kind: crm.RuleSource, Field: "source", Op: crm.OpEquals, Value: crm.SourceTradeShow, Points: 15},
		{ID: "source-cold-list", Label: "Source: cold list", Kind: crm.RuleSource, Field: "source", Op: crm.OpEquals, Value: crm.SourceColdList, Points: 0},
		{ID: "fit-title", Label: "Senior title", Kind: crm.RuleField, Field: "title", Op: crm.OpContains, Value: "head, director, vp, chief", Points: 10},
		{ID: "fit-size", Label: "Company of 51-1000 people", Kind: crm.RuleField, Field: "company_size", Op: crm.OpEquals, Value: "51-200, 201-500, 501-1000", Points: 10},
		{ID: "fit-email", Label: "E-mail known", Kind: crm.RuleField, Field: "email", Op: crm.OpIsSet, Points: 5},
		{ID: "fit-phone", Label: "Phone known", Kind: crm.RuleField, Field: "phone", Op: crm.OpIsSet, Points: 5},
		{ID: "engagement-calls", Label: "Logged calls (up to 3)", Kind: crm.RuleEngagement, Field: "call", Op: crm.OpEach, Value: "3", Points: 5},
		{ID: "engagement-meeting", Label: "Meeting held", Kind: crm.RuleEngagement, Field: "meeting", Op: crm.OpCountAtLeast, Value: "1", Points: 15},
		{ID: "engagement-email", Label: "E-mail exchanged", Kind: crm.RuleEngagement, Field: "email", Op: crm.OpCountAtLeast, Value: "1", Points: 5},
	}
}

// Score applies rules to a lead with the given engagement (live activities
// logged on it, counted by kind) and returns the total and the rules that
// matched, in rule order. A rule worth 0 points still appears as a reason
// when it matches, so the user sees it was considered. Rules are assumed
// valid (ValidateRules); a rule Score cannot read matches nothing.
func Score(l crm.LeadFields, engagement map[string]int, rules []crm.ScoringRule) (int, []crm.ScoreReason) {
	total := 0
	var reasons []crm.ScoreReason
	for _, r := range rules {
		points, ok := apply(r, l, engagement)
		if !ok {
			continue
		}
		total += points
		reasons = append(reasons, crm.ScoreReason{RuleID: r.ID, Label: r.Label, Points: points})
	}
	return total, reasons
}

// apply returns the points rule r gives and whether it matched.
func apply(r crm.ScoringRule, l crm.LeadFields, engagement map[string]int) (int, bool) {
	switch r.Kind {
	case crm.RuleSource:
		return r.Points, matchText(r.Op, l.Source, r.Value)
	case crm.RuleField:
		v, ok := fieldValue(l, r.Field)
		return r.Points, ok && matchText(r.Op, v, r.Value)
	case crm.RuleEngagement:
		n := engagement[r.Field]
		switch r.Op {
		case crm.OpCountAtLeast:
			min, err := strconv.Atoi(strings.TrimSpace(r.Value))
			return r.Points, err == nil && min >= 1 && n >= min
		case crm.OpEach:
			if limit, err := strconv.Atoi(strings.TrimSpace(r.Value)); err == nil && limit >= 1 {
				n = min(n, limit)
			}
			return r.Points * n, n > 0
		}
	}
	return 0, false
}

func matchText(op crm.ScoringOp, value, want string) bool {
	v := fold(value)
	switch op {
	case crm.OpIsSet:
		return v != ""
	case crm.OpEquals:
		for _, alt := range alternatives(want) {
			if v == alt {
				return true
			}
		}
	case crm.OpContains:
		for _, alt := range alternatives(want) {
			if strings.Contains(v, alt) {
				return true
			}
		}
	}
	return false
}

// fold is the form texts are compared in: lower case, "_" read as a space,
// runs of spaces collapsed ("Trade show" equals "trade_show").
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(strings.ToLower(s), "_", " ")), " ")
}

// alternatives splits a rule value at commas into folded, non-blank parts.
func alternatives(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = fold(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func fieldValue(l crm.LeadFields, field string) (string, bool) {
	switch field {
	case "name":
		return l.Name, true
	case "email":
		return l.Email, true
	case "phone":
		return l.Phone, true
	case "company_name":
		return l.CompanyName, true
	case "title":
		return l.Title, true
	case "source":
		return l.Source, true
	case "industry":
		return l.Industry, true
	case "company_size":
		return l.CompanySize, true
	case "country":
		return l.Country, true
	}
	return "", false
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// ValidateRules trims and checks rules: each needs a unique ID and a label,
// a known kind with an operator and field that fit it, a value the operator
// can use and points within ±MaxRulePoints. Source rules always look at the
// "source" field. Errors are *crm.Error with code crm.CodeScoringRuleInvalid
// and a field such as "rules[2].value".
func ValidateRules(in []crm.ScoringRule) ([]crm.ScoringRule, error) {
	if len(in) > MaxRules {
		return nil, crm.FieldError(crm.CodeScoringRuleInvalid, "rules", fmt.Sprintf("at most %d scoring rules", MaxRules))
	}
	out := make([]crm.ScoringRule, len(in))
	seen := map[string]bool{}
	for i, r := range in {
		bad := func(field, msg string) error {
			return crm.FieldError(crm.CodeScoringRuleInvalid, fmt.Sprintf("rules[%d].%s", i, field), msg)
		}
		r.ID, r.Label, r.Field, r.Value = crm.CleanLine(r.ID), crm.CleanLine(r.Label), strings.TrimSpace(r.Field), crm.CleanLine(r.Value)
		switch {
		case r.ID == "":
			return nil, bad("id", "a rule needs an id")
		case seen[r.ID]:
			return nil, bad("id", fmt.Sprintf("two rules have the id %q", r.ID))
		case r.Label == "":
			return nil, bad("label", "a rule needs a label")
		case utf8.RuneCountInString(r.Label) > 200 || utf8.RuneCountInString(r.Value) > 500:
			return nil, bad("label", "the label or value is too long")
		case r.Points < -MaxRulePoints || r.Points > MaxRulePoints:
			return nil, bad("points", fmt.Sprintf("points must be between %d and %d", -MaxRulePoints, MaxRulePoints))
		}
		seen[r.ID] = true
		switch r.Kind {
		case crm.RuleSource:
			r.Field = "source"
			if r.Op != crm.OpEquals {
				return nil, bad("op", "a source rule compares with equals")
			}
		case crm.RuleField:
			if !contains(RuleFields, r.Field) {
				return nil, bad("field", fmt.Sprintf("%q is not a lead field", r.Field))
			}
			if r.Op != crm.OpEquals && r.Op != crm.OpContains && r.Op != crm.OpIsSet {
				return nil, bad("op", "a field rule compares with equals, contains or is_set")
			}
		case crm.RuleEngagement:
			if !contains(ActivityKinds, r.Field) {
				return nil, bad("field", fmt.Sprintf("%q is not an activity kind", r.Field))
			}
			if r.Op != crm.OpCountAtLeast && r.Op != crm.OpEach {
				return nil, bad("op", "an engagement rule counts with count_at_least or each")
			}
		default:
			return nil, bad("kind", fmt.Sprintf("%q is not a kind of rule", r.Kind))
		}
		switch r.Op {
		case crm.OpIsSet:
			r.Value = ""
		case crm.OpEquals, crm.OpContains:
			if len(alternatives(r.Value)) == 0 {
				return nil, bad("value", "the rule needs a value to compare with")
			}
		case crm.OpCountAtLeast:
			if n, err := strconv.Atoi(r.Value); err != nil || n < 1 {
				return nil, bad("value", "the count must be a whole number of at least 1")
			}
		case crm.OpEach:
			if n, err := strconv.Atoi(r.Value); r.Value != "" && (err != nil || n < 1) {
				return nil, bad("value", "the limit must be blank or a whole number of at least 1")
			}
		}
		out[i] = r
	}
	return out, nil
}

// decodeRules reads the stored rules. Rules that no longer validate are
// skipped and counted, so one bad rule never stops scoring.
func decodeRules(s string) ([]crm.ScoringRule, int, error) {
	var raw []crm.ScoringRule
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, 0, fmt.Errorf("leads: read scoring rules: %w", err)
	}
	var out []crm.ScoringRule
	skipped := 0
	for _, r := range raw {
		if v, err := ValidateRules([]crm.ScoringRule{r}); err == nil {
			out = append(out, v[0])
		} else {
			skipped++
		}
	}
	return out, skipped, nil
}
