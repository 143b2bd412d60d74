package csvimport

import "strings"

// Labels used for e-mails, phones, addresses and websites. Other labels
// found in a file (Google custom labels) are kept as written.
const (
	LabelHome      = "home"
	LabelWork      = "work"
	LabelOther     = "other"
	LabelMobile    = "mobile"
	LabelMain      = "main"    // company main number
	LabelPrimary   = "primary" // Outlook "Primary Phone"
	LabelFax       = "fax"
	LabelHomeFax   = "home_fax"
	LabelWorkFax   = "work_fax"
	LabelOtherFax  = "other_fax"
	LabelPager     = "pager"
	LabelCar       = "car"
	LabelAssistant = "assistant"
	LabelCallback  = "callback"
	LabelISDN      = "isdn"
	LabelRadio     = "radio"
	LabelTelex     = "telex"
	LabelTTY       = "tty"
	LabelVideo     = "video"
	LabelBlog      = "blog"
	LabelProfile   = "profile"
	LabelHomePage  = "homepage"
)

// knownLabels maps folded label text found in label columns (Google's
// "E-mail 1 - Type") to a canonical label.
var knownLabels = map[string]string{
	"home": LabelHome, "private": LabelHome, "personal": LabelHome, "privat": LabelHome,
	"work": LabelWork, "business": LabelWork, "office": LabelWork, "geschaftlich": LabelWork, "dienstlich": LabelWork,
	"other": LabelOther, "weitere": LabelOther, "andere": LabelOther,
	"mobile": LabelMobile, "cell": LabelMobile, "mobil": LabelMobile, "handy": LabelMobile, "mobiltelefon": LabelMobile,
	"main": LabelMain, "company main": LabelMain, "primary": LabelPrimary,
	"fax": LabelFax, "home fax": LabelHomeFax, "work fax": LabelWorkFax, "business fax": LabelWorkFax, "other fax": LabelOtherFax,
	"pager": LabelPager, "car": LabelCar, "assistant": LabelAssistant, "callback": LabelCallback,
	"isdn": LabelISDN, "radio": LabelRadio, "telex": LabelTelex, "tty": LabelTTY, "tty/tdd": LabelTTY, "video": LabelVideo,
	"blog": LabelBlog, "profile": LabelProfile, "home page": LabelHomePage, "homepage": LabelHomePage,
}

// normalizeLabel turns the text of a label column into a label. A leading
// "* " (Google's mark of the primary value) is removed and reported.
func normalizeLabel(v string) (label string, primary bool) {
	v = strings.TrimSpace(v)
	if rest, ok := strings.CutPrefix(v, "*"); ok {
		primary, v = true, strings.TrimSpace(rest)
	}
	if l, ok := knownLabels[strings.Join(strings.Fields(foldText(v)), " ")]; ok {
		return l, primary
	}
	return v, primary
}
