package contacts_test

import (
	"bytes"
	"context"
	"testing"

	"fieldbook/backend/contacts"
	"fieldbook/backend/crm"
)

func TestPhotosAreCheckedByTheirBytes(t *testing.T) {
	ctx := context.Background()
	svc, db := newService(t)
	c, err := svc.Create(ctx, crm.ContactFields{GivenName: "Ann"})
	if err != nil {
		t.Fatal(err)
	}
	photos := contacts.NewPhotos(db)
	png := append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13)
	webp := []byte("RIFF\x10\x00\x00\x00WEBPVP8 ")
	for _, tc := range []struct {
		name    string
		data    []byte
		claimed string
		want    string // media type stored, or "" for refused
	}{
		{"png", png, "image/png", "image/png"},
		{"png without a claim", png, "", "image/png"},
		{"webp", webp, "image/webp", "image/webp"},
		{"jpeg claimed as jpg", []byte{0xFF, 0xD8, 0xFF, 0xE0, 1}, "image/jpg", "image/jpeg"},
		{"gif", []byte("GIF89a\x01\x00"), "image/gif", "image/gif"},
		{"png claimed as jpeg", png, "image/jpeg", ""},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), "image/svg+xml", ""},
		{"text", []byte("hello"), "image/png", ""},
		{"empty", nil, "image/png", ""},
		{"too big", append(png, bytes.Repeat([]byte{0}, contacts.MaxPhotoBytes)...), "image/png", ""},
	} {
		p, err := photos.Set(ctx, c.ID, tc.data, tc.claimed)
		if tc.want == "" {
			if crm.ErrorCode(err) != crm.CodePhotoInvalid {
				t.Errorf("%s: err %v, want %s", tc.name, err, crm.CodePhotoInvalid)
			}
			continue
		}
		if err != nil || p.MediaType != tc.want {
			t.Errorf("%s: %v %q, want %q", tc.name, err, p.MediaType, tc.want)
			continue
		}
		got, ok, err := photos.Get(ctx, c.ID)
		if !ok || err != nil || got.MediaType != tc.want || !bytes.Equal(got.Data, tc.data) {
			t.Errorf("%s: read back %q %v %v", tc.name, got.MediaType, ok, err)
		}
	}
	if err := photos.Remove(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := photos.Get(ctx, c.ID); ok {
		t.Fatal("photo still there")
	}
}
