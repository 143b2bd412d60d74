package feedback

import (
	"sort"
	"time"

	"fieldbook/backend/crm"
)

// NPSResult is the Net Promoter Score of a set of 0–10 answers: promoters
// answered 9 or 10, passives 7 or 8, detractors 0 to 6.
type NPSResult struct {
	Responses  int
	Promoters  int
	Passives   int
	Detractors int
	// Score is 100·(Promoters − Detractors)/Responses rounded to the
	// nearest integer, halves away from zero (12.5 → 13, −12.5 → −13), so
	// a score and its mirror image round alike. 0 when there are no
	// answers (see Responses).
	Score int
	// Num/Den is the exact score as a fraction in lowest terms (Den > 0),
	// e.g. 100/3 for a score of 33⅓; 0/1 when there are no answers.
	Num, Den int
}

// NPS computes the Net Promoter Score of scores (each 0..10; others are
// ignored).
func NPS(scores []int) NPSResult {
	var r NPSResult
	for _, s := range scores {
		switch {
		case s < 0 || s > 10:
			continue
		case s >= 9:
			r.Promoters++
		case s >= 7:
			r.Passives++
		default:
			r.Detractors++
		}
		r.Responses++
	}
	r.Num, r.Den = fraction(100*(r.Promoters-r.Detractors), r.Responses)
	r.Score = roundDiv(100*(r.Promoters-r.Detractors), r.Responses)
	return r
}

// CSATResult is the customer-satisfaction score of a set of 1–5 answers.
type CSATResult struct {
	Responses int
	// Satisfied counts the answers of 4 or 5.
	Satisfied int
	// Share is 100·Satisfied/Responses rounded to the nearest integer,
	// halves up; ShareNum/ShareDen the exact percentage in lowest terms.
	Share              int
	ShareNum, ShareDen int
	// Sum is the sum of the answers; the mean is Sum/Responses, and
	// MeanTenths ten times the mean rounded to the nearest integer, halves
	// up (43 means 4.3).
	Sum        int
	MeanTenths int
}

// CSAT computes the satisfaction score of scores (each 1..5; others are
// ignored).
func CSAT(scores []int) CSATResult {
	var r CSATResult
	for _, s := range scores {
		if s < 1 || s > 5 {
			continue
		}
		r.Responses++
		r.Sum += s
		if s >= 4 {
			r.Satisfied++
		}
	}
	r.ShareNum, r.ShareDen = fraction(100*r.Satisfied, r.Responses)
	r.Share = roundDiv(100*r.Satisfied, r.Responses)
	r.MeanTenths = roundDiv(10*r.Sum, r.Responses)
	return r
}

// roundDiv is num/den rounded to the nearest integer, halves away from
// zero; 0 when den is 0.
func roundDiv(num, den int) int {
	if den == 0 {
		return 0
	}
	if num < 0 {
		return -((-2*num + den) / (2 * den))
	}
	return (2*num + den) / (2 * den)
}

// fraction is num/den in lowest terms with a positive denominator; 0/1
// when den is 0.
func fraction(num, den int) (int, int) {
	if den == 0 {
		return 0, 1
	}
	a, b := num, den
	if a < 0 {
		a = -a
	}
	for b != 0 {
		a, b = b, a%b
	}
	if a == 0 {
		return 0, 1
	}
	return num / a, den / a
}

// Latest are a contact's most recent answers of each kind (nil when none).
type Latest struct {
	NPS  *crm.Feedback
	CSAT *crm.Feedback
}

// LatestByContact returns each contact's latest NPS and CSAT answers among
// entries (deleted ones skipped): the one received last, the larger ID on
// a tie.
func LatestByContact(entries []crm.Feedback) map[string]Latest {
	out := map[string]Latest{}
	later := func(a, b *crm.Feedback) bool {
		return b == nil || a.ReceivedAt.After(b.ReceivedAt) || (a.ReceivedAt.Equal(b.ReceivedAt) && a.ID > b.ID)
	}
	for i := range entries {
		f := &entries[i]
		if f.DeletedAt != nil {
			continue
		}
		l := out[f.ContactID]
		switch f.Kind {
		case crm.FeedbackNPS:
			if later(f, l.NPS) {
				l.NPS = f
			}
		case crm.FeedbackCSAT:
			if later(f, l.CSAT) {
				l.CSAT = f
			}
		}
		out[f.ContactID] = l
	}
	return out
}

// Period is the NPS and CSAT of the answers of one month.
type Period struct {
	// Month is "YYYY-MM" in the summary's zone.
	Month string
	NPS   NPSResult
	CSAT  CSATResult
}

// Summary is what the answers received in [From, To) say: how many, the
// NPS and CSAT over the whole range and month by month (every month the
// range touches, empty ones included, in order).
type Summary struct {
	From, To time.Time
	Count    int
	NPS      NPSResult
	CSAT     CSATResult
	Months   []Period
}

// Summarize computes the Summary of entries over [from, to), months read in
// loc. Entries outside the range, deleted ones and scores outside their
// kind's scale are left out.
func Summarize(entries []crm.Feedback, from, to time.Time, loc *time.Location) Summary {
	s := Summary{From: from, To: to}
	if loc == nil {
		loc = time.UTC
	}
	type bucket struct{ nps, csat []int }
	var months []string
	byMonth := map[string]*bucket{}
	if to.After(from) {
		start := from.In(loc)
		m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, loc)
		last := to.Add(-time.Nanosecond).In(loc)
		end := time.Date(last.Year(), last.Month(), 1, 0, 0, 0, 0, loc)
		for !m.After(end) {
			key := m.Format("2006-01")
			months = append(months, key)
			byMonth[key] = &bucket{}
			m = m.AddDate(0, 1, 0)
		}
	}
	var nps, csat []int
	for _, f := range entries {
		if f.DeletedAt != nil || f.ReceivedAt.Before(from) || !f.ReceivedAt.Before(to) {
			continue
		}
		lo, hi, ok := f.Kind.ScoreRange()
		if !ok || f.Score < lo || f.Score > hi {
			continue
		}
		s.Count++
		b := byMonth[f.ReceivedAt.In(loc).Format("2006-01")]
		if f.Kind == crm.FeedbackNPS {
			nps = append(nps, f.Score)
			b.nps = append(b.nps, f.Score)
		} else {
			csat = append(csat, f.Score)
			b.csat = append(b.csat, f.Score)
		}
	}
	s.NPS, s.CSAT = NPS(nps), CSAT(csat)
	sort.Strings(months)
	for _, m := range months {
		s.Months = append(s.Months, Period{Month: m, NPS: NPS(byMonth[m].nps), CSAT: CSAT(byMonth[m].csat)})
	}
	return s
}
