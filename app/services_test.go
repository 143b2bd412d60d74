package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"fieldbook/backend/crm"
	"fieldbook/backend/store"
)

type recorder struct {
	mu     sync.Mutex
	events []string
}

func (r *recorder) Emit(event string, _ ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, event)
}

func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.events
	r.events = nil
	return out
}

func openServicesWith(t *testing.T, path string, ev Emitter) *Services {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return NewServices(context.Background(), db, Config{Version: "test", DefaultLanguage: "en", Clock: crm.SystemClock{}, Events: ev})
}

func openServices(t *testing.T, path string) *Services {
	return openServicesWith(t, path, &recorder{})
}

func TestContactsServiceRoundTripAndEvents(t *testing.T) {
	ev := &recorder{}
	s := openServicesWith(t, filepath.Join(t.TempDir(), "s.db"), ev)
	in := ContactInput{GivenName: "<img src=x onerror=alert(1)>", Emails: []LabeledValue{{Label: "work", Value: "x@example.com"}}}
	c, err := s.Contacts.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if c.DisplayName != in.GivenName || c.Version != 1 || c.Phones == nil || c.Tags == nil || c.URLs == nil || c.Addresses == nil {
		t.Fatalf("created = %+v (lists must be [] not null for the UI)", c)
	}
	if got := ev.take(); !reflect.DeepEqual(got, []string{EventContactsChanged, EventStatusChanged}) {
		t.Fatalf("events after create = %v", got)
	}
	// An update that changes nothing emits nothing.
	if _, err := s.Contacts.Update(c.ID, 1, in); err != nil {
		t.Fatal(err)
	}
	if got := ev.take(); len(got) != 0 {
		t.Fatalf("events after a no-op update = %v", got)
	}
	in.Company = "Acme"
	in.Addresses = []Address{{Label: "work", Street: "1 Main St\nSuite 4", City: "Springfield"}}
	in.URLs = []LabeledValue{{Label: "work", Value: "acme.test"}}
	in.Birthday = "--02-29"
	if u, err := s.Contacts.Update(c.ID, 1, in); err != nil || u.Version != 2 || u.Company != "Acme" ||
		!reflect.DeepEqual(u.Addresses, in.Addresses) || u.URLs[0].Value != "https://acme.test" || u.Birthday != "--02-29" {
		t.Fatalf("update = %+v %v", u, err)
	}
	if got, _ := s.Contacts.Get(c.ID); !reflect.DeepEqual(got.Addresses, in.Addresses) || got.Birthday != "--02-29" {
		t.Fatalf("read back = %+v", got)
	}
	page, err := s.Contacts.List(ListContactsRequest{Query: "acme", Limit: 10})
	if err != nil || page.Total != 1 || page.Items[0].Email != "x@example.com" {
		t.Fatalf("list = %+v %v", page, err)
	}
	if _, err := s.Contacts.Delete(c.ID); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Status.Status()
	if st.Contacts != 0 || st.PendingChanges != 3 || st.Version != "test" {
		t.Fatalf("status after delete = %+v", st)
	}
	if _, err := s.Contacts.Restore(c.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.Status.Status(); st.Contacts != 1 {
		t.Fatalf("status after restore = %+v", st)
	}
}

func TestErrorsCrossTheBindingAsCodeAndMessage(t *testing.T) {
	s := openServices(t, filepath.Join(t.TempDir(), "e.db"))
	var logged bytes.Buffer
	formatter := ErrorFormatter(slog.New(slog.NewTextHandler(&logged, nil)))
	format := func(err error) ErrorDTO {
		t.Helper()
		text, ok := formatter(err).(string)
		var dto ErrorDTO
		if !ok || json.Unmarshal([]byte(text), &dto) != nil {
			t.Fatalf("formatter gave %#v; want the JSON text of an ErrorDTO", formatter(err))
		}
		return dto
	}
	_, err := s.Contacts.Create(ContactInput{GivenName: "A", Emails: []LabeledValue{{Value: "nope"}}})
	if got := format(err); !reflect.DeepEqual(got, ErrorDTO{Code: "email_invalid", Message: `"nope" is not an e-mail address`, Field: "emails.0"}) {
		t.Fatalf("formatted = %#v", got)
	}
	_, err = s.Contacts.Get("missing")
	if got := format(err); got.Code != "not_found" {
		t.Fatalf("formatted = %#v", got)
	}
	// Internal details stay in the log.
	got := format(errors.New("disk I/O error at /secret/path"))
	if got.Code != "internal" || got.Message != "An internal error occurred." || strings.Contains(got.Message, "secret") {
		t.Fatalf("formatted internal = %#v", got)
	}
	if !strings.Contains(logged.String(), "/secret/path") {
		t.Fatalf("internal error not logged: %q", logged.String())
	}
}

func TestSettings(t *testing.T) {
	s := openServices(t, filepath.Join(t.TempDir(), "st.db"))
	if got, _ := s.Settings.Get(); got.Language != "en" {
		t.Fatalf("default language = %q", got.Language)
	}
	if got, err := s.Settings.SetLanguage("bn"); err != nil || got.Language != "bn" {
		t.Fatalf("set bn = %+v %v", got, err)
	}
	if _, err := s.Settings.SetLanguage("<script>"); crm.ErrorCode(err) != crm.CodeInvalidInput {
		t.Fatalf("bad tag: %v", err)
	}
	for env, want := range map[string]string{"bn_BD.UTF-8": "bn", "de_DE.UTF-8": "en", "": "en"} {
		if got := LanguageFromEnv(func(k string) string {
			if k == "LANG" {
				return env
			}
			return ""
		}); got != want {
			t.Errorf("LANG=%q → %q; want %q", env, got, want)
		}
	}
}

func TestSwitchableEmitterDropsUntilSet(t *testing.T) {
	var sw SwitchableEmitter
	sw.Emit("early") // no receiver yet: dropped, no panic
	r := &recorder{}
	sw.Set(r)
	sw.Emit("late")
	if got := r.take(); !reflect.DeepEqual(got, []string{"late"}) {
		t.Fatalf("got %v", got)
	}
}
