package app

import (
	"fieldbook/backend/crm"
	"fieldbook/backend/phone"
)

const settingPhoneRegion = "phone_region"

// fallbackPhoneRegion is the default country when the system locale names none.
const fallbackPhoneRegion = "US"

// phoneRegion is the default country for phone numbers: the user's choice,
// else the one from the system locale, else the US.
func (s *SettingsService) phoneRegion() string {
	if r, ok, err := s.store.Setting(s.ctx, settingPhoneRegion); err == nil && ok && phone.KnownRegion(r) != "" {
		return r
	}
	if r := phone.KnownRegion(s.defaultRegion); r != "" {
		return r
	}
	return fallbackPhoneRegion
}

// SetPhoneRegion stores the default country for phone numbers (ISO 3166
// code such as "DE"): numbers typed without a country code are read as
// numbers of that country and shown in its national format.
func (s *SettingsService) SetPhoneRegion(region string) (Settings, error) {
	r := phone.KnownRegion(region)
	if r == "" {
		return Settings{}, crm.FieldError(crm.CodeInvalidInput, "phoneRegion", "not a country with phone numbers: "+region)
	}
	if err := s.store.SetSetting(s.ctx, settingPhoneRegion, r); err != nil {
		return Settings{}, err
	}
	if s.events != nil {
		s.events.Emit(EventContactsChanged) // the numbers read differently now
	}
	return s.Get()
}

// PhoneRegions lists the countries that can be the default for phone numbers.
func (s *SettingsService) PhoneRegions() []string { return phone.Regions() }

// PhoneRegionFromEnv picks the default country for phone numbers from the
// POSIX locale variables (LC_ALL, LC_MESSAGES, LANG): de_DE.UTF-8 → DE;
// "" when they name none (the app then uses the US).
func PhoneRegionFromEnv(getenv func(string) string) string {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return phone.RegionFromLocale(v)
		}
	}
	return ""
}
