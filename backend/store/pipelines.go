package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"fieldbook/backend/crm"
)

// Pipelines returns the live pipelines in order, each with its live stages
// in order.
func (d *DB) Pipelines(ctx context.Context) ([]crm.Pipeline, error) {
	tx, err := d.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("store: pipelines: begin: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT id, name, position FROM pipelines WHERE deleted_at IS NULL ORDER BY position, name, id`)
	if err != nil {
		return nil, fmt.Errorf("store: pipelines: %w", err)
	}
	var out []crm.Pipeline
	for rows.Next() {
		var p crm.Pipeline
		if err := rows.Scan(&p.ID, &p.Name, &p.Position); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: pipelines: %w", err)
		}
		out = append(out, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: pipelines: %w", err)
	}
	for i := range out {
		if out[i].Stages, err = liveStages(ctx, tx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func liveStages(ctx context.Context, q querier, pipelineID string) ([]crm.Stage, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, pipeline_id, name, position, probability FROM stages
		WHERE pipeline_id = ? AND deleted_at IS NULL ORDER BY position, id`, pipelineID)
	if err != nil {
		return nil, fmt.Errorf("store: stages of pipeline %s: %w", pipelineID, err)
	}
	defer rows.Close()
	var out []crm.Stage
	for rows.Next() {
		var s crm.Stage
		if err := rows.Scan(&s.ID, &s.PipelineID, &s.Name, &s.Position, &s.Probability); err != nil {
			return nil, fmt.Errorf("store: stages of pipeline %s: %w", pipelineID, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// GetPipeline returns one live pipeline with its live stages, or
// crm.CodeNotFound.
func (d *DB) GetPipeline(ctx context.Context, id string) (crm.Pipeline, error) {
	return getPipeline(ctx, d.db, id)
}

type queryRowQuerier interface {
	queryRower
	querier
}

func getPipeline(ctx context.Context, q queryRowQuerier, id string) (crm.Pipeline, error) {
	var p crm.Pipeline
	err := q.QueryRowContext(ctx, `SELECT id, name, position FROM pipelines WHERE id = ? AND deleted_at IS NULL`, id).Scan(&p.ID, &p.Name, &p.Position)
	if errors.Is(err, sql.ErrNoRows) {
		return p, crm.Errorf(crm.CodeNotFound, "pipeline %s does not exist", id)
	}
	if err != nil {
		return p, fmt.Errorf("store: get pipeline %s: %w", id, err)
	}
	p.Stages, err = liveStages(ctx, q, id)
	return p, err
}

// SavePipeline inserts pipeline p or replaces its name, position and
// stages: the stages of p are stored in their order (Position as given),
// and live stages no longer in p are tombstoned, unless a live open deal
// is still in one (crm.CodeStageNotEmpty, nothing changed).
func (d *DB) SavePipeline(ctx context.Context, p crm.Pipeline, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		now := formatTime(at)
		_, err := tx.ExecContext(ctx, `INSERT INTO pipelines (id, name, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position, updated_at = excluded.updated_at, deleted_at = NULL`,
			p.ID, p.Name, p.Position, now, now)
		if err != nil {
			return fmt.Errorf("store: save pipeline %s: %w", p.ID, err)
		}
		old, err := liveStages(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		keep := map[string]bool{}
		for _, s := range p.Stages {
			keep[s.ID] = true
		}
		for _, s := range old {
			if keep[s.ID] {
				continue
			}
			var open int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM deals WHERE stage_id = ? AND status = 'open' AND deleted_at IS NULL`, s.ID).Scan(&open); err != nil {
				return fmt.Errorf("store: deals in stage %s: %w", s.ID, err)
			}
			if open > 0 {
				return &crm.Error{Code: crm.CodeStageNotEmpty, Field: "stages",
					Message: fmt.Sprintf("stage %q still holds %d open deals; move them to another stage first", s.Name, open)}
			}
			if _, err := tx.ExecContext(ctx, `UPDATE stages SET deleted_at = ? WHERE id = ?`, now, s.ID); err != nil {
				return fmt.Errorf("store: remove stage %s: %w", s.ID, err)
			}
		}
		for _, s := range p.Stages {
			res, err := tx.ExecContext(ctx, `INSERT INTO stages (id, pipeline_id, name, position, probability) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position, probability = excluded.probability, deleted_at = NULL
				WHERE stages.pipeline_id = excluded.pipeline_id`,
				s.ID, p.ID, s.Name, s.Position, s.Probability)
			if err != nil {
				return fmt.Errorf("store: save stage %s: %w", s.ID, err)
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return crm.FieldError(crm.CodeDealInvalid, "stages", fmt.Sprintf("stage %s belongs to another pipeline", s.ID))
			}
		}
		return nil
	})
}

// DeletePipeline tombstones a live pipeline and its stages; one that still
// has live deals (open or closed) gives crm.CodePipelineNotEmpty.
func (d *DB) DeletePipeline(ctx context.Context, id string, at time.Time) error {
	return d.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := getPipeline(ctx, tx, id); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM deals WHERE pipeline_id = ? AND deleted_at IS NULL`, id).Scan(&n); err != nil {
			return fmt.Errorf("store: deals of pipeline %s: %w", id, err)
		}
		if n > 0 {
			return crm.Errorf(crm.CodePipelineNotEmpty, "the pipeline still has %d deals; delete them or move them first", n)
		}
		now := formatTime(at)
		if _, err := tx.ExecContext(ctx, `UPDATE pipelines SET deleted_at = ?, updated_at = ? WHERE id = ?`, now, now, id); err != nil {
			return fmt.Errorf("store: delete pipeline %s: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stages SET deleted_at = ? WHERE pipeline_id = ? AND deleted_at IS NULL`, now, id); err != nil {
			return fmt.Errorf("store: delete stages of pipeline %s: %w", id, err)
		}
		return nil
	})
}
