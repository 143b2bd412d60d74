package engine

import (
	"fieldbook/backend/crm"
)

// mergeResult is a three-way merge's outcome.
type mergeResult[F any] struct {
	fields    F
	conflicts []crm.Conflict // fields both sides changed differently (policy ask)
	resolved  []string       // open conflicts that the server's change settled
}

// merge3 merges mine and theirs against base field by field. open are the
// record's unresolved conflicts: for those fields mine is the user's value
// still waiting for a decision.
func (e *Engine[F]) merge3(id string, base, mine, theirs F, open map[string]crm.Conflict) mergeResult[F] {
	out := mergeResult[F]{fields: mine}
	for _, fd := range e.schema.fields {
		b, m, t := fd.valueJSON(base), fd.valueJSON(mine), fd.valueJSON(theirs)
		_, wasOpen := open[fd.Name]
		switch {
		case m == t:
			if wasOpen {
				out.resolved = append(out.resolved, fd.Name)
			}
		case m == b && !wasOpen:
			fd.set(&out.fields, theirs)
		case t == b:
			// only this device changed it (or the server did not move since
			// the conflict was recorded): keep mine
		default:
			switch e.cfg.policy {
			case PolicyTheirs:
				fd.set(&out.fields, theirs)
				if wasOpen {
					out.resolved = append(out.resolved, fd.Name)
				}
			case PolicyMine:
				if wasOpen {
					out.resolved = append(out.resolved, fd.Name)
				}
			default:
				cb := b
				if c, ok := open[fd.Name]; ok {
					cb = c.Base // keep the base the user first disagreed from
				}
				out.conflicts = append(out.conflicts, crm.Conflict{
					ID: crm.NewID(e.now()), ItemID: id, Field: fd.Name,
					Base: cb, Mine: m, Theirs: t, CreatedAt: e.now(),
				})
			}
		}
	}
	return out
}

// outgoing is what to upload for a record: its fields, except that fields
// with an open conflict keep the server's value until the user decides.
func (e *Engine[F]) outgoing(local, base F, open map[string]crm.Conflict) F {
	out := local
	for name := range open {
		if fd, ok := e.schema.field(name); ok {
			fd.set(&out, base)
		}
	}
	return out
}
