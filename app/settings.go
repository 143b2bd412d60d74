package app

import (
	"context"
	"regexp"
	"strings"

	"fieldbook/backend/crm"
)

// SettingsStore is where settings persist.
type SettingsStore interface {
	Setting(ctx context.Context, key string) (string, bool, error)
	SetSetting(ctx context.Context, key, value string) error
}

const settingLanguage = "language"

// languageTag accepts BCP 47 language tags such as "en", "bn", "pt-BR": the
// UI decides which of them it has a locale file for.
var languageTag = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// SettingsService is bound to the front end: user preferences.
type SettingsService struct {
	ctx         context.Context
	store       SettingsStore
	defaultLang string
	// defaultRegion is the phone country from the system locale ("" if none).
	defaultRegion string
	events        Emitter
}

// NewSettingsService reads and writes settings in st. defaultLang is used
// until the user picks a language (from the system locale, see
// LanguageFromEnv).
func NewSettingsService(ctx context.Context, st SettingsStore, defaultLang string) *SettingsService {
	return &SettingsService{ctx: ctx, store: st, defaultLang: defaultLang}
}

// Get returns the current settings.
func (s *SettingsService) Get() (Settings, error) {
	lang, ok, err := s.store.Setting(s.ctx, settingLanguage)
	if err != nil {
		return Settings{}, err
	}
	if !ok {
		lang = s.defaultLang
	}
	return Settings{Language: lang, PhoneRegion: s.phoneRegion()}, nil
}

// language is the UI language, for text the backend writes (amounts).
func (s *SettingsService) language() string {
	if st, err := s.Get(); err == nil && st.Language != "" {
		return st.Language
	}
	return "en"
}

// SetLanguage stores the UI language.
func (s *SettingsService) SetLanguage(lang string) (Settings, error) {
	if !languageTag.MatchString(lang) {
		return Settings{}, crm.FieldError(crm.CodeInvalidInput, "language", "not a language tag: "+lang)
	}
	if err := s.store.SetSetting(s.ctx, settingLanguage, lang); err != nil {
		return Settings{}, err
	}
	return s.Get()
}

// LanguageFromEnv picks the UI language from the POSIX locale variables
// (LC_ALL, LC_MESSAGES, LANG): Bengali for bn_*, English otherwise.
func LanguageFromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(v, "bn") {
				return "bn"
			}
			return "en"
		}
	}
	return "en"
}
