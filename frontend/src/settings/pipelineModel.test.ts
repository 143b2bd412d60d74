// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { pipeline } from '../test/dealFixtures';
import { draftFromPipeline, draftProblems, inputFromDraft, moveRow } from './pipelineModel';

describe('pipeline editor model', () => {
  it('moves rows and ignores moves out of range', () => {
    expect(moveRow(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveRow(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    const same = ['a', 'b'];
    expect(moveRow(same, 0, 5)).toBe(same);
    expect(moveRow(same, -1, 0)).toBe(same);
  });

  it('saves stages in the order shown, new ones with an empty id', () => {
    const d = draftFromPipeline(pipeline);
    d.stages = moveRow(d.stages, 1, 0);
    d.stages.push({ key: 'new-1', name: ' Closing ', probability: '90' });
    expect(inputFromDraft(d)).toEqual({
      id: 'p1',
      name: 'Sales',
      stages: [
        { id: 's2', name: 'Proposal', probability: 50 },
        { id: 's1', name: 'Qualified', probability: 10 },
        { id: '', name: 'Closing', probability: 90 },
      ],
    });
  });

  it('names what is missing', () => {
    const d = draftFromPipeline(pipeline);
    expect(draftProblems(d)).toEqual([]);
    expect(draftProblems({ name: '', stages: [] })).toEqual(['selling.pipelines.errors.name', 'selling.pipelines.errors.noStages']);
    expect(draftProblems({ ...d, stages: [{ key: 'k', name: '', probability: '101' }] })).toEqual([
      'selling.pipelines.errors.stageName',
      'selling.pipelines.errors.probability',
    ]);
  });
});
