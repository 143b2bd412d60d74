package deals_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"fieldbook/backend/crm"
	"fieldbook/backend/deals"
)

// benchBoard makes 5,000 open deals in a pipeline of 6 stages, in USD (the
// home currency), EUR and JPY, with expected close dates over a year.
func benchBoard(b *testing.B) (*deals.Service, string) {
	b.Helper()
	e := setup(b)
	ctx := context.Background()
	stages := make([]deals.StageInput, 6)
	for i := range stages {
		stages[i] = deals.StageInput{Name: fmt.Sprintf("Stage %d", i+1), Probability: 10 + 15*i}
	}
	p, err := e.svc.SavePipeline(ctx, deals.PipelineInput{Name: "Bench", Stages: stages})
	if err != nil {
		b.Fatal(err)
	}
	currencies := []string{"USD", "EUR", "JPY"}
	rnd := rand.New(rand.NewPCG(1, 2)) // fixed seed: the same deals every run
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	for i := range 5000 {
		cur := currencies[rnd.IntN(3)]
		amount := fmt.Sprintf("%d.%02d", 100+rnd.IntN(90_000), rnd.IntN(100))
		if cur == "JPY" {
			amount = fmt.Sprintf("%d", 10_000+rnd.IntN(9_000_000))
		}
		close := ""
		if rnd.IntN(5) != 0 {
			close = today.AddDate(0, 0, rnd.IntN(365)).Format(time.DateOnly)
		}
		var prob *int
		if rnd.IntN(10) == 0 {
			prob = pct(rnd.IntN(101))
		}
		if _, err := e.svc.Create(ctx, deals.Input{Title: fmt.Sprintf("Deal %05d", i), PipelineID: p.ID,
			StageID: p.Stages[rnd.IntN(6)].ID, Amount: amount, Currency: cur, ExpectedClose: close, Probability: prob}); err != nil {
			b.Fatal(err)
		}
	}
	return e.svc, p.ID
}

// BenchmarkBoard5000OpenDeals: the kanban of 5,000 open deals in 6 stages
// and 3 currencies, 50 cards per stage, totals and weighted totals
// converted into the home currency.
func BenchmarkBoard5000OpenDeals(b *testing.B) {
	svc, pipeline := benchBoard(b)
	ctx := context.Background()
	cpu := startCPU(b)
	for b.Loop() {
		board, err := svc.Board(ctx, deals.BoardQuery{PipelineID: pipeline})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for _, c := range board.Columns {
			n += c.Count
		}
		if n != 5000 || len(board.Columns[0].Deals) != deals.DefaultPerStage {
			b.Fatalf("%d open deals on the board, %d cards in stage 1", n, len(board.Columns[0].Deals))
		}
	}
	cpu.report(b)
}

// BenchmarkTable5000ByHomeAmount: page 1 (50 rows) of the deal table of
// 5,000 deals sorted by the amount in the home currency.
func BenchmarkTable5000ByHomeAmount(b *testing.B) {
	svc, pipeline := benchBoard(b)
	ctx := context.Background()
	cpu := startCPU(b)
	for b.Loop() {
		page, err := svc.Table(ctx, deals.TableQuery{PipelineID: pipeline, Sort: crm.SortDealAmount, Desc: true, Limit: 50})
		if err != nil {
			b.Fatal(err)
		}
		if page.Total != 5000 || len(page.Items) != 50 {
			b.Fatalf("page = %d of %d", len(page.Items), page.Total)
		}
	}
	cpu.report(b)
}

// BenchmarkTable5000ByTitle: the same page sorted in SQL.
func BenchmarkTable5000ByTitle(b *testing.B) {
	svc, pipeline := benchBoard(b)
	ctx := context.Background()
	cpu := startCPU(b)
	for b.Loop() {
		if _, err := svc.Table(ctx, deals.TableQuery{PipelineID: pipeline, Sort: crm.SortDealTitle, Limit: 50}); err != nil {
			b.Fatal(err)
		}
	}
	cpu.report(b)
}

// cpuClock measures the process's CPU time (user + system) over the loop:
// on a shared machine the wall time per op also counts waiting for a core,
// the CPU time per op does not.
type cpuClock struct{ start time.Duration }

func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func startCPU(b *testing.B) cpuClock { return cpuClock{start: processCPU(b)} }

// report adds the metric cpu-ms/op.
func (c cpuClock) report(b *testing.B) {
	if b.N > 0 {
		b.ReportMetric(float64(processCPU(b)-c.start)/float64(b.N)/1e6, "cpu-ms/op")
	}
}
