package seed

import (
	"context"
	"fmt"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
)

// BulkStore stores many new contacts in one transaction.
type BulkStore interface {
	CreateContacts(ctx context.Context, cs []crm.Contact) error
}

// batchSize is how many contacts go into one transaction.
const batchSize = 5000

// Populate adds n demo contacts made from seed to st, in batches, calling
// progress after each batch with how many are done. Every contact passes
// the same validation as one typed into the UI.
func Populate(ctx context.Context, st BulkStore, clock crm.Clock, n int, seed uint64, progress func(done, total int)) error {
	gen := NewGenerator(seed)
	for done := 0; done < n; {
		size := min(batchSize, n-done)
		batch := make([]crm.Contact, 0, size)
		for range size {
			f, err := contacts.Normalize(gen.Contact())
			if err != nil {
				return fmt.Errorf("seed: generated an invalid contact: %w", err)
			}
			now := clock.Now()
			batch = append(batch, crm.Contact{ID: crm.NewID(now), ContactFields: f, Version: 1, CreatedAt: now, UpdatedAt: now})
		}
		if err := st.CreateContacts(ctx, batch); err != nil {
			return fmt.Errorf("seed: after %d of %d contacts: %w", done, n, err)
		}
		done += size
		if progress != nil {
			progress(done, n)
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("seed: stopped after %d of %d contacts: %w", done, n, err)
		}
	}
	return nil
}
