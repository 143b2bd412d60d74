package crm

import "time"

// TEMPORARY until h-deals is merged (deleted then).
type DealStatus string
type DealFields struct {
	Title, PipelineID, StageID string
	Status                     DealStatus
	Amount                     Money
	Probability                *int
	ExpectedClose, OwnerID     string
	CompanyID, LeadID          string
	ContactIDs                 []string
	CloseReason, Notes         string
}
type Deal struct {
	ID string
	DealFields
	Version              int
	CreatedAt, UpdatedAt time.Time
	ClosedAt, DeletedAt  *time.Time
}
