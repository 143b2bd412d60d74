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

// Tally counts answers by score: NPS[s] answers of s (0..10) and CSAT[s]
// answers of s (1..5; CSAT[0] unused). It is what the summaries are
// computed from, whether the answers were read one by one or counted by
// the database.
type Tally struct {
	NPS  [11]int
	CSAT [6]int
}

// Add counts n answers of kind with score; scores outside the kind's
// scale are ignored.
func (t *Tally) Add(kind crm.FeedbackKind, score, n int) {
	lo, hi, ok := kind.ScoreRange()
	if !ok || score < lo || score > hi {
		return
	}
	if kind == crm.FeedbackNPS {
		t.NPS[score] += n
	} else {
		t.CSAT[score] += n
	}
}

// Merge adds the counts of o.
func (t *Tally) Merge(o Tally) {
	for i, n := range o.NPS {
		t.NPS[i] += n
	}
	for i, n := range o.CSAT {
		t.CSAT[i] += n
	}
}

// TallyOf counts database score counts.
func TallyOf(counts []crm.ScoreCount) Tally {
	var t Tally
	for _, c := range counts {
		t.Add(c.Kind, c.Score, c.Count)
	}
	return t
}

// NPSResult computes the Net Promoter Score of the NPS answers counted.
func (t Tally) NPSResult() NPSResult {
	var r NPSResult
	for s, n := range t.NPS {
		switch {
		case s >= 9:
			r.Promoters += n
		case s >= 7:
			r.Passives += n
		default:
			r.Detractors += n
		}
		r.Responses += n
	}
	r.Num, r.Den = fraction(100*(r.Promoters-r.Detractors), r.Responses)
	r.Score = roundDiv(100*(r.Promoters-r.Detractors), r.Responses)
	return r
}

// CSATResult computes the satisfaction score of the CSAT answers counted.
func (t Tally) CSATResult() CSATResult {
	var r CSATResult
	for s, n := range t.CSAT {
		r.Responses += n
		r.Sum += s * n
		if s >= 4 {
			r.Satisfied += n
		}
	}
	r.ShareNum, r.ShareDen = fraction(100*r.Satisfied, r.Responses)
	r.Share = roundDiv(100*r.Satisfied, r.Responses)
	r.MeanTenths = roundDiv(10*r.Sum, r.Responses)
	return r
}

// Count is how many answers the tally holds.
func (t Tally) Count() int {
	n := 0
	for _, c := range t.NPS {
		n += c
	}
	for _, c := range t.CSAT {
		n += c
	}
	return n
}

// NPS computes the Net Promoter Score of scores (each 0..10; others are
// ignored).
func NPS(scores []int) NPSResult {
	var t Tally
	for _, s := range scores {
		t.Add(crm.FeedbackNPS, s, 1)
	}
	return t.NPSResult()
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
	var t Tally
	for _, s := range scores {
		t.Add(crm.FeedbackCSAT, s, 1)
	}
	return t.CSATResult()
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

// Month is one calendar month of a summary's range: its key "YYYY-MM" in
// the summary's zone and the instants [From, To) it covers, cut to the
// range.
type Month struct {
	Key      string
	From, To time.Time
}

// Months splits [from, to) into the calendar months of loc it touches, in
// order (none when to is not after from).
func Months(from, to time.Time, loc *time.Location) []Month {
	if loc == nil {
		loc = time.UTC
	}
	var out []Month
	if !to.After(from) {
		return out
	}
	start := from.In(loc)
	m := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, loc)
	for m.Before(to) {
		next := m.AddDate(0, 1, 0)
		a, b := m, next
		if a.Before(from) {
			a = from
		}
		if b.After(to) {
			b = to
		}
		out = append(out, Month{Key: m.Format("2006-01"), From: a, To: b})
		m = next
	}
	return out
}

// SummaryOf builds a Summary of [from, to) from the tally of each of its
// Months (tallies[i] belongs to months[i]).
func SummaryOf(from, to time.Time, months []Month, tallies []Tally) Summary {
	s := Summary{From: from, To: to}
	var all Tally
	for i, m := range months {
		all.Merge(tallies[i])
		s.Months = append(s.Months, Period{Month: m.Key, NPS: tallies[i].NPSResult(), CSAT: tallies[i].CSATResult()})
	}
	s.Count, s.NPS, s.CSAT = all.Count(), all.NPSResult(), all.CSATResult()
	return s
}

// Summarize computes the Summary of entries over [from, to), months read in
// loc. Entries outside the range, deleted ones and scores outside their
// kind's scale are left out.
func Summarize(entries []crm.Feedback, from, to time.Time, loc *time.Location) Summary {
	months := Months(from, to, loc)
	tallies := make([]Tally, len(months))
	for _, f := range entries {
		if f.DeletedAt != nil {
			continue
		}
		i := sort.Search(len(months), func(i int) bool { return f.ReceivedAt.Before(months[i].To) })
		if i == len(months) || f.ReceivedAt.Before(months[i].From) {
			continue
		}
		tallies[i].Add(f.Kind, f.Score, 1)
	}
	return SummaryOf(from, to, months, tallies)
}
