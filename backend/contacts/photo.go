package contacts

import (
	"bytes"
	"context"
	"fmt"

	"fieldbook/backend/crm"
)

// PhotoStore keeps contacts' photos.
type PhotoStore interface {
	ContactPhoto(ctx context.Context, id string) (crm.Photo, bool, error)
	SetContactPhoto(ctx context.Context, id string, p crm.Photo) error
	DeleteContactPhoto(ctx context.Context, id string) error
}

// MaxPhotoBytes is the largest photo accepted.
const MaxPhotoBytes = 5 << 20

// Photos manages contacts' pictures.
type Photos struct{ store PhotoStore }

// NewPhotos returns the photo use cases over st.
func NewPhotos(st PhotoStore) *Photos { return &Photos{store: st} }

// Set stores data as the photo of contact id. The image type is read from
// the bytes (JPEG, PNG, GIF or WebP); a claimed media type that disagrees is
// refused, as is anything else or more than MaxPhotoBytes.
func (p *Photos) Set(ctx context.Context, id string, data []byte, claimed string) (crm.Photo, error) {
	if len(data) == 0 {
		return crm.Photo{}, crm.FieldError(crm.CodePhotoInvalid, "photo", "the photo is empty")
	}
	if len(data) > MaxPhotoBytes {
		return crm.Photo{}, crm.FieldError(crm.CodePhotoInvalid, "photo",
			fmt.Sprintf("the photo is %.1f MB; at most %d MB are accepted", float64(len(data))/(1<<20), MaxPhotoBytes>>20))
	}
	kind := SniffImage(data)
	if kind == "" {
		return crm.Photo{}, crm.FieldError(crm.CodePhotoInvalid, "photo", "not a JPEG, PNG, GIF or WebP image")
	}
	if claimed != "" && claimed != kind && !(claimed == "image/jpg" && kind == "image/jpeg") {
		return crm.Photo{}, crm.FieldError(crm.CodePhotoInvalid, "photo", fmt.Sprintf("the file says it is %s but its content is %s", claimed, kind))
	}
	ph := crm.Photo{MediaType: kind, Data: data}
	if err := p.store.SetContactPhoto(ctx, id, ph); err != nil {
		return crm.Photo{}, err
	}
	return ph, nil
}

// Remove deletes the photo of contact id (nothing happens if it has none).
func (p *Photos) Remove(ctx context.Context, id string) error {
	return p.store.DeleteContactPhoto(ctx, id)
}

// Get returns the photo of contact id; ok is false when it has none.
func (p *Photos) Get(ctx context.Context, id string) (crm.Photo, bool, error) {
	return p.store.ContactPhoto(ctx, id)
}

// SniffImage names the image type of data by its magic bytes: image/jpeg,
// image/png, image/gif or image/webp, or "" for anything else.
func SniffImage(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "image/png"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "image/gif"
	case len(data) >= 12 && bytes.Equal(data[:4], []byte("RIFF")) && bytes.Equal(data[8:12], []byte("WEBP")):
		return "image/webp"
	}
	return ""
}
