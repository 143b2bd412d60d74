package engine

import (
	"fieldbook/backend/crm"
)

// decide says what to store for one server object given what this device
// holds for its href. unreadable reports an object the codec could not
// read at all: it is left alone (on the server and here).
func (e *Engine[F]) decide(it crm.RemoteItem, st crm.LocalState[F]) (dec crm.RemoteDecision[F], unreadable bool) {
	if it.Deleted {
		return e.decideDeleted(st), false
	}
	theirs, uid, err := e.codec.Decode(it.Data)
	if err != nil {
		return crm.RemoteDecision[F]{Skip: true}, true
	}
	link := &crm.RemoteLink{Href: it.Href, UID: uid, ETag: it.ETag, Base: it.Data}
	if st.Link == nil || st.Record == nil {
		return crm.RemoteDecision[F]{WriteFields: true, Fields: theirs, Link: link}, false
	}
	if st.Link.UID != "" {
		link.UID = st.Link.UID
	}
	if !st.Link.Creating && it.ETag != "" && st.Link.ETag == it.ETag {
		return crm.RemoteDecision[F]{Skip: true}, false
	}
	local := st.Record
	if !st.Pending && len(st.Conflicts) == 0 {
		// Only the server changed: take its version.
		return crm.RemoteDecision[F]{WriteFields: true, Fields: theirs, Undelete: local.DeletedAt != nil, Link: link}, false
	}
	if local.DeletedAt != nil {
		// Deleted here, changed there: the edit wins, the record comes back.
		return crm.RemoteDecision[F]{WriteFields: true, Fields: theirs, Undelete: true,
			DropPendingUpTo: st.PendingUpTo, Link: link}, false
	}
	base := theirs // no base at all: every local value is a change
	if st.Link.Base != nil {
		if b, _, err := e.codec.Decode(st.Link.Base); err == nil {
			base = b
		}
	}
	m := e.merge3(local.ID, base, e.codec.Canonical(local.Fields), theirs, st.Conflicts)
	return crm.RemoteDecision[F]{
		WriteFields:   !e.schema.Same(m.fields, local.Fields),
		Fields:        m.fields,
		Link:          link,
		Conflicts:     m.conflicts,
		DropConflicts: m.resolved,
	}, false
}

// decideDeleted handles an object deleted on the server.
func (e *Engine[F]) decideDeleted(st crm.LocalState[F]) crm.RemoteDecision[F] {
	switch {
	case st.Link == nil:
		return crm.RemoteDecision[F]{Skip: true}
	case st.Record == nil:
		return crm.RemoteDecision[F]{} // drop the stray link
	case st.Link.Creating:
		return crm.RemoteDecision[F]{Skip: true} // our create has not landed yet; push makes it
	case st.Record.DeletedAt != nil:
		// Deleted on both sides.
		return crm.RemoteDecision[F]{DropPendingUpTo: st.PendingUpTo}
	case st.Pending || len(st.Conflicts) > 0:
		// Changed here, deleted there: the edit wins. Keep the record and
		// create it again at the same href from the last server bytes, so
		// the properties we do not model come back with it.
		l := *st.Link
		l.ETag, l.Creating = "", true
		return crm.RemoteDecision[F]{Link: &l, DropConflicts: conflictFields(st.Conflicts), Requeue: !st.Pending}
	default:
		return crm.RemoteDecision[F]{Tombstone: true}
	}
}

func conflictFields(open map[string]crm.Conflict) []string {
	var out []string
	for f := range open {
		out = append(out, f)
	}
	return out
}
