package store

import (
	"context"
	"testing"
)

// BenchmarkCompanies measures the companies list (first window with people
// counts, and a name search) and the people of the largest company, over
// the seeded benchmark address book (its contacts name their companies).
func BenchmarkCompanies(b *testing.B) {
	ctx := context.Background()
	db := seededDB(b, benchContacts())
	page, err := db.ListCompanies(ctx, "", 0, 100)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d companies", page.Total)
	biggest := page.Items[0]
	for _, c := range page.Items {
		if c.People > biggest.People {
			biggest = c
		}
	}
	b.Run("list-first-100", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.ListCompanies(ctx, "", 0, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("search", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.ListCompanies(ctx, "north", 0, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("people-of-largest", func(b *testing.B) {
		b.Logf("%s has %d people", biggest.Name, biggest.People)
		for b.Loop() {
			if _, err := db.CompanyPeople(ctx, biggest.ID, 0, 100); err != nil {
				b.Fatal(err)
			}
		}
	})
}
