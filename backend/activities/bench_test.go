package activities_test

import (
	"fmt"
	"testing"
	"time"

	"fieldbook/backend/crm"
)

// benchFixture holds 10,000 activities of one contact plus 20,000 of the
// 100 people of one company: 30,000 in all.
func benchFixture(b *testing.B) (fixture, crm.Contact, crm.Contact) {
	b.Helper()
	f := setup(b)
	solo := f.contact(b, "Solo", "")
	var member crm.Contact
	people := make([]crm.Contact, 100)
	for i := range people {
		people[i] = f.contact(b, fmt.Sprintf("P%03d", i), "Big Co")
	}
	member = people[0]
	at := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	kinds := crm.ActivityKinds
	for i := 0; i < 30_000; i++ {
		now := at.Add(time.Duration(i) * 17 * time.Minute)
		a := crm.Activity{ID: crm.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now, ActivityFields: crm.ActivityFields{
			Kind: kinds[i%len(kinds)], OccurredAt: now, Subject: fmt.Sprintf("activity %d", i), Body: "some notes about the conversation",
			OwnerID: "o1"}}
		if i%3 == 0 {
			a.ContactID = solo.ID
		} else {
			p := people[i%len(people)]
			a.ContactID, a.CompanyID = p.ID, p.CompanyID
		}
		if err := f.db.InsertActivity(f.ctx, a); err != nil {
			b.Fatal(err)
		}
	}
	return f, solo, member
}

func BenchmarkTimeline(b *testing.B) {
	f, solo, member := benchFixture(b)
	deep := func(q crm.TimelineQuery, pages int) string {
		cursor := ""
		for i := 0; i < pages; i++ {
			q.Before = cursor
			p, err := f.acts.Timeline(f.ctx, q)
			if err != nil || p.Next == "" {
				b.Fatalf("page %d: %v", i, err)
			}
			cursor = p.Next
		}
		return cursor
	}
	cases := []struct {
		name string
		q    crm.TimelineQuery
	}{
		{"contact/first", crm.TimelineQuery{ContactID: solo.ID, Limit: 30}},
		{"contact/deep", crm.TimelineQuery{ContactID: solo.ID, Limit: 30, Before: deep(crm.TimelineQuery{ContactID: solo.ID, Limit: 30}, 300)}},
		{"contact/calls", crm.TimelineQuery{ContactID: solo.ID, Limit: 30, Kinds: []crm.ActivityKind{crm.ActivityCall}}},
		{"company/first", crm.TimelineQuery{CompanyID: member.CompanyID, Limit: 30}},
		{"company/deep", crm.TimelineQuery{CompanyID: member.CompanyID, Limit: 30, Before: deep(crm.TimelineQuery{CompanyID: member.CompanyID, Limit: 30}, 300)}},
		{"global/first", crm.TimelineQuery{Limit: 30}},
		{"global/deep", crm.TimelineQuery{Limit: 30, Before: deep(crm.TimelineQuery{Limit: 30}, 900)}},
		{"global/owner+kind", crm.TimelineQuery{Limit: 30, OwnerID: "o1", Kinds: []crm.ActivityKind{crm.ActivityVisit}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				p, err := f.acts.Timeline(f.ctx, c.q)
				if err != nil || len(p.Items) != 30 {
					b.Fatalf("%d items, %v", len(p.Items), err)
				}
			}
		})
	}
}
