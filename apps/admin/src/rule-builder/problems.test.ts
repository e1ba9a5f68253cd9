import { locateProblems, problemCountByTable } from './problems';

describe('placing API problems on the rule builder', () => {
  it('puts a problem at the row and part its path names, by index or by row key', () => {
    const located = locateProblems(
      [
        { path: 'rules.routing.rows[r1].when.and[0]', message: 'unknown fact complaint.form.x', suggestion: 'complaint.form.card' },
        { path: 'rules.routing.rows[1].then.department', message: 'unknown department' },
        { path: 'rules.severity.rows[0].when', message: 'belongs to another table' },
        { path: 'rules.routing.hitPolicy', message: 'bad hit policy' },
      ],
      'routing',
      ['r1', 'r2'],
    );
    expect(located.rows[0].when).toEqual(['unknown fact complaint.form.x（complaint.form.card）']);
    expect(located.rows[1].then).toEqual(['unknown department']);
    expect(located.table).toEqual(['bad hit policy']);
  });

  it('counts problems per rule table for the tab badges', () => {
    expect(
      problemCountByTable([
        { path: 'rules.sla.rows[0].then', message: 'x' },
        { path: 'rules.sla.default', message: 'y' },
        { path: 'fields[a].type', message: 'z' },
      ]),
    ).toEqual({ sla: 2 });
  });
});
