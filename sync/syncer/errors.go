package syncer

import (
	"errors"

	"fieldbook/backend/credentials"
	"fieldbook/sync/carddav"
)

func asHTTP(err error, target **carddav.HTTPError) bool { return errors.As(err, target) }

// isNotFound matches a secret store's "no such item".
func isNotFound(err error) bool { return errors.Is(err, credentials.ErrNotFound) }
