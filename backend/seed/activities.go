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

// ActivityLogger logs activities as the activities use case does
// (validated, with the contact's company filled in).
type ActivityLogger interface {
	Log(ctx context.Context, f crm.ActivityFields) (crm.Activity, error)
}

// MaxActivitiesPerPerson bounds how many activities PopulateActivities
// logs for one person (each gets 0 to this many).
const MaxActivitiesPerPerson = 6

// activityPlans are the demo interactions of each kind: subject, body,
// outcomes to pick from and the range of minutes it lasts.
var activityPlans = map[crm.ActivityKind]struct {
	subjects, bodies, outcomes []string
	minMinutes, maxMinutes     int
}{
	crm.ActivityCall: {
		subjects:   []string{"Intro call", "Follow-up on the quote", "Checking in", "Renewal call", "Question about delivery"},
		bodies:     []string{"Talked about next quarter's needs.", "Asked for an updated price list.", "Wants a demo for the team.", ""},
		outcomes:   []string{"connected", "no answer", "left voicemail", "connected", "busy"},
		minMinutes: 2, maxMinutes: 40,
	},
	crm.ActivityEmail: {
		subjects: []string{"Quote attached", "Meeting notes", "Re: pricing", "Thank you for your order", "Product brochure"},
		bodies: []string{"Hello,\n\nplease find the quote attached. It is valid for 30 days.\n\nBest regards",
			"Hi,\n\nthanks for the meeting today. As discussed, the next step is a trial.\n\nKind regards",
			"Good morning,\n\ncould you send the signed order form back by Friday?\n\nThanks"},
		outcomes: []string{"sent", "received", "replied"},
	},
	crm.ActivityVisit: {
		subjects:   []string{"Site visit", "Product demo on site", "Trade fair stand", "Visit with samples"},
		bodies:     []string{"Met the purchasing team and the plant manager.", "Showed the new model; they liked the price.", ""},
		outcomes:   []string{"met", "met", "dropped off material", "nobody there"},
		minMinutes: 30, maxMinutes: 180,
	},
	crm.ActivityNote: {
		subjects: []string{"", "Budget", "Decision maker", "Competitor"},
		bodies: []string{"Budget is approved for the second half of the year.", "The CFO signs anything above 10,000.",
			"They also talk to a competitor; price matters most.", "Prefers e-mail over phone calls."},
	},
	crm.ActivityMeeting: {
		subjects:   []string{"Quarterly review", "Negotiation", "Kick-off"},
		bodies:     []string{"Agreed on the timeline.", "Went through the open points of the contract.", ""},
		outcomes:   []string{"held", "held", "rescheduled"},
		minMinutes: 30, maxMinutes: 90,
	},
}

// demoKinds weights the kinds: calls and e-mails most, meetings least.
var demoKinds = []crm.ActivityKind{crm.ActivityCall, crm.ActivityCall, crm.ActivityCall, crm.ActivityEmail, crm.ActivityEmail,
	crm.ActivityEmail, crm.ActivityVisit, crm.ActivityNote, crm.ActivityNote, crm.ActivityMeeting}

// PopulateActivities logs calls, e-mails, visits, notes and a few meetings
// with people over the 12 months before today (working hours, never in
// the future): 0 to MaxActivitiesPerPerson per person, owners taken in
// turn from ownerIDs (none: no owner). The same seed and people give the
// same activities relative to today. It returns how many it logged.
func PopulateActivities(ctx context.Context, log ActivityLogger, people []Person, ownerIDs []string, today time.Time, seed uint64) (int, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0xac7141))
	people = slices.Clone(people)
	slices.SortFunc(people, func(a, b Person) int {
		return strings.Compare(a.Name+"\x00"+a.ContactID, b.Name+"\x00"+b.ContactID)
	})
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, today.Location())
	n := 0
	for _, p := range people {
		for range rng.IntN(MaxActivitiesPerPerson + 1) {
			kind := demoKinds[rng.IntN(len(demoKinds))]
			plan := activityPlans[kind]
			at := day.AddDate(0, 0, -rng.IntN(365)).Add(time.Duration(8*60+rng.IntN(9*60)) * time.Minute)
			if at.After(today) {
				at = today.Add(-time.Duration(1+rng.IntN(60)) * time.Minute)
			}
			f := crm.ActivityFields{Kind: kind, OccurredAt: at, ContactID: p.ContactID,
				Subject: plan.subjects[rng.IntN(len(plan.subjects))], Body: plan.bodies[rng.IntN(len(plan.bodies))]}
			if f.Subject == "" && f.Body == "" {
				f.Body = "Spoke briefly."
			}
			if len(plan.outcomes) > 0 {
				f.Outcome = plan.outcomes[rng.IntN(len(plan.outcomes))]
			}
			if plan.maxMinutes > 0 {
				f.DurationMinutes = plan.minMinutes + rng.IntN(plan.maxMinutes-plan.minMinutes+1)
			}
			if len(ownerIDs) > 0 {
				f.OwnerID = ownerIDs[n%len(ownerIDs)]
			}
			if _, err := log.Log(ctx, f); err != nil {
				return n, fmt.Errorf("seed: activity for %s: %w", p.Name, err)
			}
			n++
		}
	}
	return n, nil
}
