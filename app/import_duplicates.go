package app

import (
	"context"
	"fmt"

	"fieldbook/backend/crm"
	"fieldbook/backend/duplicates"
	"fieldbook/backend/importexport"
	"fieldbook/backend/store"
)

// importDuplicates is how imports find and merge duplicates: the same
// e-mail, phone and name rules as the Duplicates view (backend/duplicates),
// with phone numbers read in the default country region() names.
func importDuplicates(region func() string) Duplicates {
	return Duplicates{
		Matcher: func(ctx context.Context, db *store.DB) (importexport.Matcher, error) {
			idx := duplicates.NewIndex(region())
			err := db.EachMatchRecord(ctx, func(id string, f crm.ContactFields) error {
				idx.Add(id, f)
				return nil
			})
			if err != nil {
				return nil, fmt.Errorf("app: load contacts to find duplicates: %w", err)
			}
			return idx, nil
		},
		Merge: func(existing, incoming crm.ContactFields) crm.ContactFields {
			return duplicates.Merge(existing, incoming, nil, region())
		},
	}
}
