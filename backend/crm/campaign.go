package crm

import "time"

// Error codes of campaigns and saved filters.
const (
	// CodeCampaignInvalid: a campaign field that is missing or wrong (no
	// name, an unknown channel, an end before the start, …).
	CodeCampaignInvalid = "campaign_invalid"
	// CodeFilterInvalid: a saved filter without a name, or with a bad field.
	CodeFilterInvalid = "filter_invalid"
	// CodeCampaignNoFilter: targeting a campaign that has no saved filter.
	CodeCampaignNoFilter = "campaign_no_filter"
)

// CampaignChannel is how a campaign reaches people.
type CampaignChannel string

// The channels of a campaign.
const (
	ChannelEmail  CampaignChannel = "email"
	ChannelPhone  CampaignChannel = "phone"
	ChannelEvent  CampaignChannel = "event"
	ChannelAds    CampaignChannel = "ads"
	ChannelSocial CampaignChannel = "social"
	ChannelMail   CampaignChannel = "mail"
	ChannelOther  CampaignChannel = "other"
)

// CampaignChannels lists every channel, in the order a picker shows them.
func CampaignChannels() []CampaignChannel {
	return []CampaignChannel{ChannelEmail, ChannelPhone, ChannelEvent, ChannelAds, ChannelSocial, ChannelMail, ChannelOther}
}

// EntityContactFilter is the entity of a saved contact filter.
const EntityContactFilter = "contact"

// ContactFilter selects live contacts: every word of Query as a word prefix
// (like the contacts search), carrying every tag of Tags (case folded),
// belonging to company CompanyID, and with at least one e-mail address when
// HasEmail. Empty parts select everything.
type ContactFilter struct {
	Query     string   `json:"query,omitempty"`
	Tags      []string `json:"tags,omitempty"`
	CompanyID string   `json:"companyId,omitempty"`
	HasEmail  bool     `json:"hasEmail,omitempty"`
}

// SavedFilter is a named ContactFilter a campaign targets from.
type SavedFilter struct {
	ID        string
	Name      string
	Entity    string
	Filter    ContactFilter
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// CampaignFields are the parts of a campaign a user edits.
type CampaignFields struct {
	Name    string
	Channel CampaignChannel
	// Cost is what the campaign cost (never negative).
	Cost Money
	// StartsOn and EndsOn are dates (YYYY-MM-DD) or "".
	StartsOn string
	EndsOn   string
	// FilterID is the saved filter Target snapshots ("" = none).
	FilterID string
	OwnerID  string
	Notes    string
}

// Campaign is a marketing effort with a cost, the contacts it targets, their
// responses and the deals it brought.
type Campaign struct {
	ID string
	CampaignFields
	Version   int
	CreatedAt time.Time
	UpdatedAt time.Time
	DeletedAt *time.Time
}

// CampaignContact is a targeted contact: when it was added and whether
// (when, how) it responded.
type CampaignContact struct {
	ContactID   string
	Name        string
	Email       string
	AddedAt     time.Time
	RespondedAt *time.Time
	Response    string
}

// DatedMoney is an amount with the date (YYYY-MM-DD) it is converted on.
type DatedMoney struct {
	Amount Money
	Date   string
}

// CampaignFigures are the inputs of a campaign's return on investment, as
// the store counts them: targeted and responded contacts, attributed live
// deals, and the amounts of the won ones dated by their closing day (UTC).
type CampaignFigures struct {
	CampaignID string
	Name       string
	Cost       Money
	// CostDate is the day the cost is converted on: the start, else the
	// day the campaign was created.
	CostDate  string
	Targeted  int
	Responded int
	Deals     int
	Won       []DatedMoney
}
