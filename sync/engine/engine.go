// Package engine is Fieldbook's sync engine: for one collection on a
// server it pulls what changed there, merges it with what changed here, and
// pushes the local changes from the journal, so that nothing typed offline
// is lost or uploaded twice.
//
// # One sync of a collection
//
//  1. Pull: an RFC 6578 sync-collection from the stored token (an empty
//     token lists everything). When the server refuses the token or has no
//     sync-collection, fall back to the ctag and a PROPFIND ETag listing
//     compared with the stored links. Changed objects are fetched in chunks
//     and applied in one transaction per chunk; the token is stored after
//     they are applied, so a crash in between only repeats work.
//  2. Merge: an object changed on the server whose record has no unsent
//     change simply replaces the local fields. When both changed, a
//     field-level three-way merge against the stored base (the exact bytes
//     last seen on the server) takes each side's changes; a field both sides
//     changed differently becomes a conflict (policy "ask", the default) or
//     is decided by the policy "mine" or "theirs". Edits beat deletes on
//     either side: nothing the user or a colleague typed is dropped.
//  3. Push: records with unsent journal rows are uploaded with conditional
//     writes. A create's UID and href are chosen and stored before the first
//     try (If-None-Match: *), so a repeat after a lost answer finds its own
//     object instead of making a second one. An update patches the fields
//     into the stored server bytes (If-Match), so properties Fieldbook does
//     not model survive. A 412 fetches the object, merges, and retries.
//
// The engine works on any kind of record: it is generic over the record's
// fields F (crm.ContactFields for an address book, crm.CalendarObject for
// a calendar). It declares what it needs — a Remote, a Store[F], a Codec[F]
// and the Schema[F] that lists the fields merged one by one; sync/carddav,
// sync/caldav and backend/store provide them.
package engine

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

// Errors a Remote returns (wrapped) so the engine can react.
var (
	ErrPrecondition = errors.New("precondition failed")
	ErrNotFound     = errors.New("not found")
	ErrInvalidToken = errors.New("sync token refused")
)

// StatusError is an error that carries an HTTP status (for the outbox and
// to tell a server error from an unreachable server).
type StatusError interface {
	error
	HTTPStatus() int
}

// Changes is one answer to a sync-collection request.
type Changes struct {
	Token   string
	Updated []Ref
	Deleted []string
	More    bool // truncated: ask again from Token
}

// Ref is an object's href and ETag.
type Ref struct {
	Href string
	ETag string
}

// Remote is one collection on a server.
type Remote interface {
	// State returns the collection's sync token and ctag ("" if unsupported).
	State(ctx context.Context) (token, ctag string, err error)
	SyncCollection(ctx context.Context, token string) (Changes, error)
	ListETags(ctx context.Context) ([]Ref, error)
	// Fetch returns the objects in the order asked; hrefs gone from the
	// server are in missing.
	Fetch(ctx context.Context, hrefs []string) (objs []crm.RemoteItem, missing []string, err error)
	Get(ctx context.Context, href string) (crm.RemoteItem, error)
	Create(ctx context.Context, href string, data []byte) (etag string, err error)
	Update(ctx context.Context, href, etag string, data []byte) (newETag string, err error)
	Delete(ctx context.Context, href, etag string) error
	// Href is where a new object with uid is created.
	Href(uid string) string
}

// Store is the local database as the engine needs it (backend/store), for
// records with fields F.
type Store[F any] interface {
	Links(ctx context.Context, collectionID string) ([]crm.RemoteLink, error)
	ApplyRemote(ctx context.Context, collectionID string, items []crm.RemoteItem,
		decide func(crm.RemoteItem, crm.LocalState[F]) (crm.RemoteDecision[F], error)) error
	SaveCollectionState(ctx context.Context, id, token, ctag string) error
	PendingPushes(ctx context.Context, collectionID string, withUnlinked bool, after int64, limit int) ([]crm.PendingPush[F], error)
	PendingPush(ctx context.Context, id string) (crm.PendingPush[F], error)
	BeginCreate(ctx context.Context, l crm.RemoteLink) error
	CompletePush(ctx context.Context, id string, upTo int64, link *crm.RemoteLink) error
	FailPush(ctx context.Context, id string, upTo int64, errText string) error
}

// Codec turns records into the server's format and back.
type Codec[F any] interface {
	// Decode reads an object; an object it cannot read at all is an error.
	Decode(data []byte) (F, string, error)
	// New makes a new object for fields with uid.
	New(fields F, uid string) ([]byte, error)
	// Patch writes fields into base, keeping everything else in base.
	Patch(base []byte, fields F) ([]byte, error)
	// Adopt makes a new object from source, the file a record was imported
	// from: fields patched in, uid as its UID, everything else kept.
	Adopt(source []byte, fields F, uid string) ([]byte, error)
	// Canonical is the normal form Decode returns, for comparisons.
	Canonical(fields F) F
}

// Policy says what happens to a field changed differently on both sides.
type Policy string

// Conflict policies.
const (
	PolicyAsk    Policy = "ask"    // keep mine here, upload nothing for the field, ask the user
	PolicyMine   Policy = "mine"   // this device wins
	PolicyTheirs Policy = "theirs" // the server wins
)

// Progress is reported while a collection syncs.
type Progress struct {
	Phase string // "pull" or "push"
	Done  int
	Total int
}

// Result counts what one sync did.
type Result struct {
	Fetched   int // objects downloaded
	Applied   int // local records created, changed or deleted by the server's changes
	Pushed    int // uploads (creates, updates, deletes) that succeeded
	Failed    int // uploads that failed and wait in the outbox
	Conflicts int // fields sent to the conflict inbox
	Skipped   int // server objects that could not be read (left on the server, untouched)
	Requests  int // sync-collection or listing requests used to find changes
	FullScan  bool
}

// Engine syncs collections of records with fields F. It holds no
// per-sync state and is safe to use for one collection at a time per Store.
type Engine[F any] struct {
	schema *Schema[F]
	store  Store[F]
	codec  Codec[F]
	cfg    config
}

// config is what the options set.
type config struct {
	clock    crm.Clock
	policy   Policy
	progress func(Progress)
	chunk    int
}

// Option configures New.
type Option func(*config)

// WithClock sets the clock (conflict timestamps, IDs).
func WithClock(c crm.Clock) Option { return func(e *config) { e.clock = c } }

// WithPolicy sets the conflict policy (default PolicyAsk).
func WithPolicy(p Policy) Option { return func(e *config) { e.policy = p } }

// WithProgress receives progress reports.
func WithProgress(f func(Progress)) Option { return func(e *config) { e.progress = f } }

// WithChunk sets how many objects are fetched and applied at once.
func WithChunk(n int) Option { return func(e *config) { e.chunk = n } }

// New returns an engine for the records schema describes, over store and
// codec.
func New[F any](schema *Schema[F], store Store[F], codec Codec[F], opts ...Option) *Engine[F] {
	e := &Engine[F]{schema: schema, store: store, codec: codec,
		cfg: config{clock: crm.SystemClock{}, policy: PolicyAsk, progress: func(Progress) {}, chunk: 100}}
	for _, o := range opts {
		o(&e.cfg)
	}
	return e
}

// Sync runs pull, merge and push for one collection. An error means the
// sync stopped early (server unreachable, or the database failed); what was
// done before it is kept, and the next sync continues from there.
func (e *Engine[F]) Sync(ctx context.Context, coll crm.Collection, remote Remote) (Result, error) {
	var res Result
	if err := e.pull(ctx, coll, remote, &res); err != nil {
		return res, fmt.Errorf("sync %s: receive: %w", coll.Href, err)
	}
	if err := e.push(ctx, coll, remote, &res); err != nil {
		return res, fmt.Errorf("sync %s: send: %w", coll.Href, err)
	}
	return res, nil
}

func (e *Engine[F]) now() time.Time { return e.cfg.clock.Now() }
