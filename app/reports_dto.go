package app

// ReportFilters: all optional. From/To 'YYYY-MM-DD' inclusive in the user's zone;
// both "" → the default range (the last 12 whole months up to today: first of the
// month 11 months ago .. today). Only one set → the other defaults likewise.
type ReportFilters struct {
	From       string `json:"from"`
	To         string `json:"to"`
	OwnerID    string `json:"ownerId"`    // "" = everyone
	PipelineID string `json:"pipelineId"` // "" = all pipelines (deal reports only)
	Period     string `json:"period"`     // revenue buckets: "day"|"week"|"month"|"quarter"; "" = "month"
}

// ReportInfo is one entry of the catalogue.
type ReportInfo struct {
	Name    string   `json:"name"`    // e.g. "win_rate"
	Filters []string `json:"filters"` // which filters apply: subset of "range","owner","pipeline","period"
	Chart   string   `json:"chart"`   // "bar" | "line" | "stacked" | "barline"
}

// ReportDTO is one run. Titles and column headings are i18n keys the UI translates
// (reports.<name>.title, reports.col.<key>); cell text is already formatted for the UI
// language (money via the backend's formatter, numbers/percent with the UI's digits).
type ReportDTO struct {
	Name    string         `json:"name"`
	Filters ReportFilters  `json:"filters"` // as resolved (default range filled in)
	Home    string         `json:"home"`    // home currency code
	Columns []ReportColumn `json:"columns"`
	Rows    []ReportRow    `json:"rows"`
	Total   *ReportRow     `json:"total"` // a totals row, or null
	Chart   ReportChart    `json:"chart"`
	// MissingRates lists currencies with no exchange rate into Home: their amounts are
	// left out of converted totals (the UI warns, linking to the rates settings).
	MissingRates []string `json:"missingRates"`
	// Extra carries a report's scalar figures (e.g. case backlog, retention numerator/
	// denominator), key → cell; may be empty.
	Extra map[string]ReportCell `json:"extra"`
}

// ReportColumn is one table column.
type ReportColumn struct {
	Key  string `json:"key"`  // i18n key suffix: "stage","count","total","weighted",...
	Kind string `json:"kind"` // "text"|"int"|"money"|"percent"|"number"|"date"|"month"|"currency"
	// Label is the data's own label when the column is data-named (an activity kind,
	// an owner), "" otherwise; the UI then translates Key.
	Label string `json:"label"`
}

// ReportRow is one table row, cells in column order.
type ReportRow struct {
	ID    string       `json:"id"` // stage/owner/source/month… id for drill-down; may be ""
	Cells []ReportCell `json:"cells"`
}

// ReportCell: Text to show; Value the raw plain value (what the CSV holds and what a
// sort compares): integers "12", decimals "1234.50" (money in Currency's minor digits),
// ratios "0.4167" (4 decimals, fraction not percent), dates "2026-03-01", months "2026-03",
// text as is; "" for no value (e.g. a ratio with a zero denominator: Text "—").
// Num/Den are set for ratios (the numerator and denominator, plain integers or decimals).
type ReportCell struct {
	Text     string `json:"text"`
	Value    string `json:"value"`
	Currency string `json:"currency,omitempty"` // money cells
	Num      string `json:"num,omitempty"`
	Den      string `json:"den,omitempty"`
}

// ReportChart is what ECharts draws: a category axis and one or more series.
type ReportChart struct {
	Kind       string         `json:"kind"`       // as ReportInfo.Chart
	Categories []string       `json:"categories"` // x-axis labels, already formatted (month "Mar 2026", stage name…)
	Series     []ReportSeries `json:"series"`
}

// ReportSeries: Values are plain decimal strings parallel to Categories ("" = no value);
// the chart may turn them into numbers for drawing only. Texts are the formatted
// values for tooltips. Unit tells the axis: "count"|"money"|"percent"|"days"|"hours"|"score".
type ReportSeries struct {
	Key    string   `json:"key"`   // i18n key suffix ("weighted","won","nps","csat", an activity kind…)
	Label  string   `json:"label"` // data-named series (an owner); "" → translate Key
	Unit   string   `json:"unit"`
	Values []string `json:"values"`
	Texts  []string `json:"texts"`
}

// DashboardDTO is the home page, for "today" in the user's zone.
type DashboardDTO struct {
	Today           string           `json:"today"`           // YYYY-MM-DD
	Meetings        []OccurrenceDTO  `json:"meetings"`        // today's calendar occurrences (existing DTO)
	Tasks           []TaskDTO        `json:"tasks"`           // tasks due today (existing DTO)
	OverdueTasks    []TaskDTO        `json:"overdueTasks"`    // open tasks past due (existing DTO)
	OverduePayments []OverduePayment `json:"overduePayments"` // unpaid orders past due date
	Pipeline        ReportDTO        `json:"pipeline"`        // = Run("pipeline_by_stage", {} )
	Forecast        Money            `json:"forecast"`        // this month's weighted forecast (home)
	Won             Money            `json:"won"`             // won this month (home)
	MissingRates    []string         `json:"missingRates"`    // for Forecast/Won
	Recent          []Activity       `json:"recent"`          // last 10 activities, newest first (existing DTO)
}

// OverduePayment is one unpaid order past its due date.
type OverduePayment struct {
	OrderID      string `json:"orderId"`
	Number       string `json:"number"`
	CustomerName string `json:"customerName"` // company or contact name
	CompanyID    string `json:"companyId"`
	ContactID    string `json:"contactId"`
	DueDate      string `json:"dueDate"`
	DaysOverdue  int    `json:"daysOverdue"`
	Amount       Money  `json:"amount"`
}
