package feedback_test

import (
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/feedback"
)

// The expected numbers below are worked out by hand from the definitions
// (promoters 9–10, detractors 0–6; satisfied 4–5), not by the code.
func TestNPSHandComputed(t *testing.T) {
	for _, tc := range []struct {
		scores          []int
		n, p, pa, d     int
		score, num, den int
	}{
		{nil, 0, 0, 0, 0, 0, 0, 1},
		{[]int{9, 3}, 2, 1, 0, 1, 0, 0, 1},
		{[]int{10, 9, 8, 7, 6, 0}, 6, 2, 2, 2, 0, 0, 1},
		{[]int{10, 9, 9, 8, 2}, 5, 3, 1, 1, 40, 40, 1},
		{[]int{9, 9, 0}, 3, 2, 0, 1, 33, 100, 3},
		{[]int{0, 0, 9}, 3, 1, 0, 2, -33, -100, 3},
		{[]int{9, 9, 10}, 3, 3, 0, 0, 100, 100, 1},
		{[]int{6, 5, 0}, 3, 0, 0, 3, -100, -100, 1},
		// 12.5 rounds away from zero both ways.
		{[]int{9, 7, 7, 7, 7, 7, 7, 7}, 8, 1, 7, 0, 13, 25, 2},
		{[]int{0, 7, 7, 7, 7, 7, 7, 7}, 8, 0, 7, 1, -13, -25, 2},
		// 2/3 of 100 = 66.67 → 67.
		{[]int{10, 10, 8}, 3, 2, 1, 0, 67, 200, 3},
		// Out of scale answers are ignored.
		{[]int{11, -1, 10}, 1, 1, 0, 0, 100, 100, 1},
	} {
		r := feedback.NPS(tc.scores)
		want := feedback.NPSResult{Responses: tc.n, Promoters: tc.p, Passives: tc.pa, Detractors: tc.d, Score: tc.score, Num: tc.num, Den: tc.den}
		if r != want {
			t.Errorf("NPS(%v) = %+v, want %+v", tc.scores, r, want)
		}
	}
}

func TestCSATHandComputed(t *testing.T) {
	for _, tc := range []struct {
		scores                          []int
		n, sat, share, num, den, sum, m int
	}{
		{nil, 0, 0, 0, 0, 1, 0, 0},
		{[]int{5, 4, 3, 2, 1}, 5, 2, 40, 40, 1, 15, 30},
		{[]int{5, 5, 4}, 3, 3, 100, 100, 1, 14, 47},              // mean 4.67
		{[]int{4, 3, 3}, 3, 1, 33, 100, 3, 10, 33},               // 33.3 %, mean 3.33
		{[]int{5, 4, 4, 3, 3, 3, 3, 3}, 8, 3, 38, 75, 2, 28, 35}, // 37.5 % → 38, mean 3.5
		{[]int{1, 2}, 2, 0, 0, 0, 1, 3, 15},
		{[]int{0, 6, 4}, 1, 1, 100, 100, 1, 4, 40},
	} {
		r := feedback.CSAT(tc.scores)
		want := feedback.CSATResult{Responses: tc.n, Satisfied: tc.sat, Share: tc.share, ShareNum: tc.num, ShareDen: tc.den, Sum: tc.sum, MeanTenths: tc.m}
		if r != want {
			t.Errorf("CSAT(%v) = %+v, want %+v", tc.scores, r, want)
		}
	}
}

func TestSummarizeByMonthInTheUsersZone(t *testing.T) {
	dhaka := time.FixedZone("Asia/Dhaka", 6*3600)
	local := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, dhaka) }
	deleted := local(2, 3, 0, 0)
	fb := func(id string, kind crm.FeedbackKind, score int, at time.Time) crm.Feedback {
		return crm.Feedback{ID: id, FeedbackFields: crm.FeedbackFields{ContactID: "c", Kind: kind, Score: score, ReceivedAt: at.UTC()}}
	}
	gone := fb("f", crm.FeedbackNPS, 0, local(2, 2, 9, 0))
	gone.DeletedAt = &deleted
	entries := []crm.Feedback{
		fb("a", crm.FeedbackNPS, 10, local(1, 10, 12, 0)),
		fb("b", crm.FeedbackNPS, 3, time.Date(2026, 1, 31, 20, 0, 0, 0, time.UTC)), // 1 February in Dhaka
		fb("c", crm.FeedbackCSAT, 5, local(2, 15, 12, 0)),
		fb("d", crm.FeedbackCSAT, 2, local(3, 3, 12, 0)),
		fb("e", crm.FeedbackNPS, 9, time.Date(2025, 12, 31, 17, 59, 0, 0, time.UTC)), // before the range
		gone,
		fb("g", crm.FeedbackNPS, 8, local(4, 1, 0, 0)), // the range's end is excluded
	}
	s := feedback.Summarize(entries, local(1, 1, 0, 0), local(4, 1, 0, 0), dhaka)
	if s.Count != 4 {
		t.Errorf("count %d, want 4", s.Count)
	}
	if s.NPS.Responses != 2 || s.NPS.Score != 0 || s.CSAT.Responses != 2 || s.CSAT.Share != 50 || s.CSAT.MeanTenths != 35 {
		t.Errorf("totals NPS %+v CSAT %+v", s.NPS, s.CSAT)
	}
	want := []struct {
		month                         string
		npsN, nps, csatN, share, mean int
	}{
		{"2026-01", 1, 100, 0, 0, 0},
		{"2026-02", 1, -100, 1, 100, 50},
		{"2026-03", 0, 0, 1, 0, 20},
	}
	if len(s.Months) != len(want) {
		t.Fatalf("months %+v", s.Months)
	}
	for i, w := range want {
		m := s.Months[i]
		if m.Month != w.month || m.NPS.Responses != w.npsN || m.NPS.Score != w.nps || m.CSAT.Responses != w.csatN ||
			m.CSAT.Share != w.share || m.CSAT.MeanTenths != w.mean {
			t.Errorf("month %d = %+v, want %+v", i, m, w)
		}
	}
}

func TestLatestByContact(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 5, d, 0, 0, 0, 0, time.UTC) }
	now := at(30)
	entries := []crm.Feedback{
		{ID: "1", FeedbackFields: crm.FeedbackFields{ContactID: "ann", Kind: crm.FeedbackNPS, Score: 4, ReceivedAt: at(1)}},
		{ID: "2", FeedbackFields: crm.FeedbackFields{ContactID: "ann", Kind: crm.FeedbackNPS, Score: 9, ReceivedAt: at(3)}},
		{ID: "3", FeedbackFields: crm.FeedbackFields{ContactID: "ann", Kind: crm.FeedbackNPS, Score: 1, ReceivedAt: at(4)}, DeletedAt: &now},
		{ID: "4", FeedbackFields: crm.FeedbackFields{ContactID: "ann", Kind: crm.FeedbackCSAT, Score: 2, ReceivedAt: at(2)}},
		{ID: "5", FeedbackFields: crm.FeedbackFields{ContactID: "bob", Kind: crm.FeedbackCSAT, Score: 3, ReceivedAt: at(2)}},
		{ID: "6", FeedbackFields: crm.FeedbackFields{ContactID: "bob", Kind: crm.FeedbackCSAT, Score: 5, ReceivedAt: at(2)}},
	}
	got := feedback.LatestByContact(entries)
	if len(got) != 2 || got["ann"].NPS.ID != "2" || got["ann"].CSAT.ID != "4" || got["bob"].NPS != nil || got["bob"].CSAT.ID != "6" {
		t.Fatalf("latest %+v", got)
	}
}

func TestMonthsCutTheRangeInTheZone(t *testing.T) {
	kolkata := time.FixedZone("IST", 5*3600+1800)
	from := time.Date(2026, 1, 15, 0, 0, 0, 0, kolkata)
	to := time.Date(2026, 3, 10, 0, 0, 0, 0, kolkata)
	ms := feedback.Months(from, to, kolkata)
	if len(ms) != 3 || ms[0].Key != "2026-01" || !ms[0].From.Equal(from) || !ms[0].To.Equal(time.Date(2026, 2, 1, 0, 0, 0, 0, kolkata)) ||
		ms[1].Key != "2026-02" || ms[2].Key != "2026-03" || !ms[2].To.Equal(to) {
		t.Fatalf("months %+v", ms)
	}
	if got := feedback.Months(to, from, kolkata); len(got) != 0 {
		t.Fatalf("reversed range: %+v", got)
	}
	// A tally from database counts gives the same scores as the answers one by one.
	tally := feedback.TallyOf([]crm.ScoreCount{{Kind: crm.FeedbackNPS, Score: 9, Count: 2}, {Kind: crm.FeedbackNPS, Score: 0, Count: 1},
		{Kind: crm.FeedbackCSAT, Score: 4, Count: 1}, {Kind: crm.FeedbackCSAT, Score: 2, Count: 2}, {Kind: crm.FeedbackCSAT, Score: 9, Count: 5}})
	if tally.NPSResult() != feedback.NPS([]int{9, 9, 0}) || tally.CSATResult() != feedback.CSAT([]int{4, 2, 2}) || tally.Count() != 6 {
		t.Fatalf("tally %+v", tally)
	}
}
