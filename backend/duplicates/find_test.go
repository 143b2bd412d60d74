package duplicates

import (
	"slices"
	"testing"

	"fieldbook/backend/crm"
)

func rec(id, given, family, company string, emails, phones []string) Record {
	return Record{ID: id, GivenName: given, FamilyName: family, Company: company, Emails: emails, Phones: phones}
}

// pairOf finds the pair of a and b in ps.
func pairOf(ps []Pair, a, b string) (Pair, bool) {
	if b < a {
		a, b = b, a
	}
	for _, p := range ps {
		if p.A == a && p.B == b {
			return p, true
		}
	}
	return Pair{}, false
}

func TestFindCases(t *testing.T) {
	cases := []struct {
		name    string
		a, b    Record
		region  string
		want    bool
		reasons []string
	}{
		{"umlauts spelt out, same company", rec("1", "Jürgen", "Müller", "Siemens AG", nil, nil),
			rec("2", "Juergen", "Mueller", "SIEMENS AG", nil, nil), "", true, []string{ReasonName}},
		{"nickname, same company", rec("1", "Bob", "Smith", "Acme Inc.", nil, nil),
			rec("2", "Robert", "Smith", "ACME, Inc", nil, nil), "", true, []string{ReasonName}},
		{"typo in given name, same company", rec("1", "Johnathan", "Smith", "Acme", nil, nil),
			rec("2", "Jonathan", "Smith", "Acme", nil, nil), "", true, []string{ReasonName}},
		{"same name, different company", rec("1", "Jürgen", "Müller", "Siemens AG", nil, nil),
			rec("2", "Juergen", "Mueller", "Bosch GmbH", nil, nil), "", false, nil},
		{"similar names, different companies", rec("1", "Jon", "Smith", "Acme", nil, nil),
			rec("2", "John", "Smith", "Globex", nil, nil), "", false, nil},
		{"different people, same company", rec("1", "Maria", "Schmidt", "Acme", nil, nil),
			rec("2", "Peter", "Schulz", "Acme", nil, nil), "", false, nil},
		{"e-mail differing in case", rec("1", "A", "B", "", []string{"Ann@Example.com"}, nil),
			rec("2", "Ann", "Other", "", []string{" ann@example.COM"}, nil), "", true, []string{ReasonEmail}},
		{"phone national and international, region DE", rec("1", "Anna", "Berg", "", nil, []string{"+49 30 1234567"}),
			rec("2", "Ann", "Berg-Meier", "", nil, []string{"030 1234567"}), "DE", true, []string{ReasonPhone}},
		{"phone national without a region is not the international one", rec("1", "Anna", "Berg", "", nil, []string{"+49 30 1234567"}),
			rec("2", "Ann", "Berg-Meier", "", nil, []string{"030 1234567"}), "", false, nil},
		{"phone and e-mail", rec("1", "Anna", "Berg", "", []string{"a@b.de"}, []string{"+49 (0)30 1234567"}),
			rec("2", "", "", "", []string{"A@B.DE"}, []string{"030/1234567"}), "DE", true, []string{ReasonEmail, ReasonPhone}},
		{"same name, no company on either", rec("1", "Kamal", "Hossain", "", nil, nil),
			rec("2", "kamal", "hossain", "", nil, nil), "", true, []string{ReasonName}},
		{"Bengali names differing by a vowel sign are different", rec("1", "কমল", "হোসেন", "X", nil, nil),
			rec("2", "কামাল", "হোসেন", "X", nil, nil), "", false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ps := Find([]Record{c.a, c.b}, Options{Region: c.region})
			p, ok := pairOf(ps, "1", "2")
			if ok != c.want {
				t.Fatalf("matched = %v (%+v), want %v", ok, ps, c.want)
			}
			if ok && !slices.Equal(p.Reasons, c.reasons) {
				t.Errorf("reasons = %v, want %v", p.Reasons, c.reasons)
			}
			if ok && (p.Score <= 0 || p.Score > 1) {
				t.Errorf("score %v out of (0, 1]", p.Score)
			}
		})
	}
}

func TestFindScoresAndDismissals(t *testing.T) {
	rs := []Record{
		rec("a", "Ann", "Lee", "Acme", []string{"ann@acme.test"}, []string{"+1 202 555 0100"}),
		rec("b", "Ann", "Lee", "Acme", []string{"ann@acme.test"}, []string{"(202) 555-0100"}),
		rec("c", "Ann", "Lee", "Acme", nil, nil),
		rec("d", "Zed", "Zulu", "Other", nil, nil),
	}
	ps := Find(rs, Options{Region: "US"})
	if len(ps) != 3 {
		t.Fatalf("pairs = %+v, want a-b, a-c, b-c", ps)
	}
	if ps[0].A != "a" || ps[0].B != "b" || !slices.Equal(ps[0].Reasons, []string{ReasonEmail, ReasonPhone, ReasonName}) {
		t.Errorf("first pair = %+v, want a-b by e-mail, phone and name", ps[0])
	}
	if !(ps[0].Score > ps[1].Score) {
		t.Errorf("three reasons should score above one: %v vs %v", ps[0].Score, ps[1].Score)
	}
	ps = Find(rs, Options{Region: "US", Dismissed: func(a, b string) bool { return a == "a" && b == "b" }})
	if _, ok := pairOf(ps, "a", "b"); ok || len(ps) != 2 {
		t.Errorf("dismissed pair still listed: %+v", ps)
	}
}

func TestFindIgnoresHugeGroups(t *testing.T) {
	var rs []Record
	for i := range maxGroup + 1 {
		rs = append(rs, rec(string(rune('A'+i)), "", "", "", []string{"info@shared.test"}, nil))
	}
	if ps := Find(rs, Options{}); len(ps) != 0 {
		t.Errorf("a shared mailbox on %d contacts gave %d pairs", len(rs), len(ps))
	}
}

func TestIndex(t *testing.T) {
	x := NewIndex("DE")
	x.Add("m", crm.ContactFields{GivenName: "Jürgen", FamilyName: "Müller", Company: "Siemens AG"})
	x.Add("p", crm.ContactFields{GivenName: "Pia", Phones: []crm.LabeledValue{{Value: "+49 30 1234567"}}})
	x.Add("e", crm.ContactFields{Emails: []crm.LabeledValue{{Value: "Boss@Firma.de"}}})
	cases := []struct {
		f          crm.ContactFields
		id, reason string
		ok         bool
	}{
		{crm.ContactFields{GivenName: "Juergen", FamilyName: "Mueller", Company: "Siemens AG"}, "m", ReasonName, true},
		{crm.ContactFields{GivenName: "Juergen", FamilyName: "Mueller", Company: "Bosch"}, "", "", false},
		{crm.ContactFields{GivenName: "Juergen", FamilyName: "Mueller"}, "", "", false},
		{crm.ContactFields{Phones: []crm.LabeledValue{{Value: "030 1234567"}}}, "p", ReasonPhone, true},
		{crm.ContactFields{Emails: []crm.LabeledValue{{Value: "x@y.z"}, {Value: "boss@firma.DE"}}}, "e", ReasonEmail, true},
		{crm.ContactFields{GivenName: "Nobody"}, "", "", false},
	}
	for _, c := range cases {
		id, reason, ok := x.Match(c.f)
		if id != c.id || reason != c.reason || ok != c.ok {
			t.Errorf("Match(%+v) = %q, %q, %v; want %q, %q, %v", c.f, id, reason, ok, c.id, c.reason, c.ok)
		}
	}
}

func TestFolding(t *testing.T) {
	for _, c := range [][2]string{{"Jürgen Müller", "juergen mueller"}, {"GRÖẞE", "grosse"}, {"José", "jose"}, {"Søren", "soren"}} {
		if a, b := foldText(c[0]), foldText(c[1]); a != b {
			t.Errorf("fold(%q) = %q, fold(%q) = %q", c[0], a, c[1], b)
		}
	}
	if nameKey("Müller", "Jürgen") != nameKey("Juergen", "Mueller") {
		t.Errorf("swapped name parts should give one key")
	}
	for _, c := range []struct {
		a, b string
		d    int
	}{{"martha", "marhta", 1}, {"jon", "john", 1}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"abc", "abc", 0}} {
		if d := editDistance(c.a, c.b, 5); d != c.d {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, d, c.d)
		}
	}
	if k, ok := plainInternational("+49 30 1234567"); !ok || k != "+49301234567" {
		t.Errorf("plainInternational = %q %v", k, ok)
	}
	if phoneKey("+49 30 1234567", "") != phoneKey("030 1234567", "DE") {
		t.Errorf("fast path and full parse disagree: %q vs %q", phoneKey("+49 30 1234567", ""), phoneKey("030 1234567", "DE"))
	}
}
