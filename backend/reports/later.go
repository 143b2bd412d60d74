package reports

import "context"

func (s *Service) campaignROI(ctx context.Context, q query) (Result, error)    { return Result{}, nil }
func (s *Service) npsCSAT(ctx context.Context, q query) (Result, error)        { return Result{}, nil }
func (s *Service) caseResolution(ctx context.Context, q query) (Result, error) { return Result{}, nil }
