package app

import (
	"context"

	"fieldbook/backend/crm"
)

// ReportsService is bound to the front end: the home dashboard, the
// reports (a table, a chart and CSV export each) over the selling and
// service data.
type ReportsService struct {
	ctx     context.Context
	dialogs *SwitchableDialogs
}

// NewReportsService builds the reports binding.
func NewReportsService(ctx context.Context, dialogs *SwitchableDialogs) *ReportsService {
	return &ReportsService{ctx: ctx, dialogs: dialogs}
}

// Reports lists the reports in menu order.
func (s *ReportsService) Reports() []ReportInfo { return nil }

// Run computes one report.
func (s *ReportsService) Run(name string, f ReportFilters) (ReportDTO, error) {
	return ReportDTO{}, crm.FieldError(crm.CodeInvalidInput, "name", "not yet")
}

// Dashboard returns the home page's figures for today.
func (s *ReportsService) Dashboard() (DashboardDTO, error) { return DashboardDTO{}, nil }

// CSV returns a report as CSV text.
func (s *ReportsService) CSV(name string, f ReportFilters) (string, error) { return "", nil }

// ExportCSV asks where to save a report as CSV and writes it; the path
// written, "" when the user cancelled.
func (s *ReportsService) ExportCSV(name string, f ReportFilters) (string, error) { return "", nil }
