package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"fieldbook/backend/crm"
)

// FeedbackRecorder records feedback answers (as the feedback use cases do).
type FeedbackRecorder interface {
	Record(ctx context.Context, f crm.FeedbackFields) (crm.Feedback, error)
}

// CaseDesk opens and resolves support cases (as the case use cases do).
type CaseDesk interface {
	Open(ctx context.Context, f crm.CaseFields, openedAt time.Time) (crm.Case, error)
	ResolveAt(ctx context.Context, id string, baseVersion int, at time.Time) (crm.Case, error)
}

// CareSummary counts what PopulateCare added.
type CareSummary struct {
	Feedback, Cases, Resolved int
}

var (
	praise = []string{"Quick answers from support.", "The import saved us a day.", "Works offline on the train, great.",
		"Clear invoices.", "Onboarding was smooth.", ""}
	meh        = []string{"Fine, but the reports are slow.", "Missing a mobile app.", "", "Price is a bit high."}
	complaints = []string{"Sync failed twice this month.", "Nobody called back.", "Too many clicks to log a call.", "Lost an edit after a crash."}
	caseTopics = []struct {
		subject, description string
		priority             crm.CasePriority
	}{
		{"Sync stops at 80 %", "The address book sync stops with a timeout on the office server.", crm.PriorityHigh},
		{"Invoice copy needed", "Customer asks for a copy of last month's invoice.", crm.PriorityLow},
		{"Cannot log in after the update", "The login page loops back to itself.", crm.PriorityUrgent},
		{"Export to CSV has wrong dates", "Birthdays show as the day before.", crm.PriorityNormal},
		{"Duplicate contacts after import", "About 40 people appear twice.", crm.PriorityNormal},
		{"Question about the price list", "", crm.PriorityLow},
		{"Calendar invitations not received", "Attendees at one company get no e-mail.", crm.PriorityHigh},
		{"Request: dark mode", "", crm.PriorityLow},
	}
	// resolveHours are the typical resolution times of each priority, in hours.
	resolveHours = map[crm.CasePriority][2]int{
		crm.PriorityUrgent: {1, 8}, crm.PriorityHigh: {4, 36}, crm.PriorityNormal: {12, 96}, crm.PriorityLow: {24, 240},
	}
)

// PopulateCare adds twelve months of NPS and CSAT answers from people
// (scores improving over the year, with comments) and support cases with
// realistic resolution times per priority (the recent ones still open or
// pending). today is the current time; the same seed and people give the
// same data relative to today. Nothing is added without people.
func PopulateCare(ctx context.Context, fb FeedbackRecorder, desk CaseDesk, people []Person, today time.Time, seed uint64) (CareSummary, error) {
	var sum CareSummary
	if len(people) == 0 {
		return sum, nil
	}
	rng := rand.New(rand.NewPCG(seed, seed^0xfeedbac))
	people = slices.Clone(people)
	slices.SortFunc(people, func(a, b Person) int { return strings.Compare(a.ContactID, b.ContactID) })
	now := today.UTC().Truncate(time.Minute)
	// at is an instant in the month that is back months before today, never after now.
	at := func(back int) time.Time {
		first := time.Date(now.Year(), now.Month()-time.Month(back), 1, 0, 0, 0, 0, time.UTC)
		next := first.AddDate(0, 1, 0)
		if next.After(now) {
			next = now
		}
		span := next.Sub(first)
		if span <= time.Hour {
			return first
		}
		return first.Add(time.Duration(rng.Int64N(int64(span/time.Minute))) * time.Minute)
	}
	for back := 11; back >= 0; back-- {
		n := 6 + rng.IntN(7)
		for range n {
			p := people[rng.IntN(len(people))]
			f := crm.FeedbackFields{ContactID: p.ContactID, ReceivedAt: at(back)}
			// Better scores as the year goes on: the share of happy answers grows from ~40 % to ~70 %.
			happy := rng.IntN(100) < 40+30*(11-back)/11
			if rng.IntN(3) == 0 {
				f.Kind, f.Score = crm.FeedbackCSAT, 1+rng.IntN(3)
				if happy {
					f.Score = 4 + rng.IntN(2)
				}
			} else {
				f.Kind, f.Score = crm.FeedbackNPS, rng.IntN(9)
				if happy {
					f.Score = 9 + rng.IntN(2)
				}
			}
			switch {
			case f.Kind == crm.FeedbackNPS && f.Score >= 9, f.Kind == crm.FeedbackCSAT && f.Score >= 4:
				f.Comment = praise[rng.IntN(len(praise))]
			case f.Kind == crm.FeedbackNPS && f.Score >= 7, f.Kind == crm.FeedbackCSAT && f.Score == 3:
				f.Comment = meh[rng.IntN(len(meh))]
			default:
				f.Comment = complaints[rng.IntN(len(complaints))]
			}
			if _, err := fb.Record(ctx, f); err != nil {
				return sum, fmt.Errorf("seed: feedback: %w", err)
			}
			sum.Feedback++
		}
	}
	for back := 11; back >= 0; back-- {
		for range 2 + rng.IntN(3) {
			topic := caseTopics[rng.IntN(len(caseTopics))]
			p := people[rng.IntN(len(people))]
			opened := at(back)
			f := crm.CaseFields{Subject: topic.subject, Description: topic.description, ContactID: p.ContactID, Priority: topic.priority}
			bounds := resolveHours[topic.priority]
			took := time.Duration(bounds[0]*60+rng.IntN((bounds[1]-bounds[0])*60)) * time.Minute
			resolved := opened.Add(took)
			// This month's cases may still be waiting; older ones are all resolved.
			waiting := resolved.After(now) || (back == 0 && rng.IntN(2) == 0)
			if waiting && rng.IntN(2) == 0 {
				f.Status = crm.CasePending
			}
			c, err := desk.Open(ctx, f, opened)
			if err != nil {
				return sum, fmt.Errorf("seed: case %s: %w", topic.subject, err)
			}
			sum.Cases++
			if waiting {
				continue
			}
			if _, err := desk.ResolveAt(ctx, c.ID, c.Version, resolved); err != nil {
				return sum, fmt.Errorf("seed: resolve %s: %w", c.Number, err)
			}
			sum.Resolved++
		}
	}
	return sum, nil
}
